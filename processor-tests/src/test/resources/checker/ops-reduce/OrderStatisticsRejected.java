import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A dim that does not exist; a batch given to H, which takes matrices; the wrong result. */
class OrderStatisticsRejected {
  void use(@Shape({"B", "C"}) Tensor x, @Shape({"S", "B", "C"}) Tensor batch) {
    // :: error: (shape.dim.range)
    x.median(2, false);
    // :: error: (shape.dim.range)
    Torch.mode(x, -3, true);
    // :: error: (shape.dim.range)
    x.sort(2, true, true);
    // :: error: (shape.assignment) found [B], required [C]
    @Shape({"C"}) Tensor wrong = x.median(1, false).values();
    // :: error: (shape.rank)
    batch.H();
  }
}

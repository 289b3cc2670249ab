import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A window longer than the dim, a step of 0, a negative count, a dim that does not exist. */
class UnfoldRepeatInterleaveRejected {
  void use(@Shape({"B", "16"}) Tensor signal, @Shape({"B", "3"}) Tensor x) {
    // :: error: (shape.index.range)
    signal.unfold(1, 17, 1);
    // :: error: (shape.size.negative)
    signal.unfold(1, 4, 0);
    // :: error: (shape.dim.range)
    signal.unfold(2, 4, 1);
    // :: error: (shape.assignment) found [B, 5, 4], required [B, 7, 4]
    @Shape({"B", "7", "4"}) Tensor frames = signal.unfold(1, 4, 3);
    // :: error: (shape.size.negative)
    x.repeatInterleave(-1, 1);
    // :: error: (shape.dim.range)
    Torch.repeatInterleave(x, 2, 2);
  }
}

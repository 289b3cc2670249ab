import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The reduced dim must exist. */
class ReductionsRejected {
  void use(@Shape({"B", "C"}) Tensor x) {
    // :: error: (shape.dim.range)
    x.sum(2);
    // :: error: (shape.dim.range)
    x.mean(-3);
    // :: error: (shape.dim.range)
    x.sum(new int[] {0, 2}, false);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The sizes must multiply to the unflattened dim, which must exist. */
class UnflattenRejected {
  void use(@Shape({"N", "784"}) Tensor x) {
    // :: error: (shape.reshape.numel)
    x.unflatten(1, 2, 28, 28);
    // :: error: (shape.dim.range)
    x.unflatten(2, 28, 28);
  }
}

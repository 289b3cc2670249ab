import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** flatten's dims must be in range and in order. */
class FlattenRejected {
  void use(@Shape({"N", "C", "H", "W"}) Tensor x) {
    // :: error: (shape.dim.range)
    x.flatten(1, 4);
    // :: error: (shape.dim.order)
    x.flatten(2, 1);
  }
}

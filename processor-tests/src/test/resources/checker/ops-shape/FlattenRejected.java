import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** flatten's dims must be in range and in order. */
class FlattenRejected {
  void use(@Shape({"N", "C", "H", "W"}) Tensor x) {
    // :: error: (shape.dim.range)
    x.flatten(1, 4);
    // :: error: (shape.dim.order)
    x.flatten(2, 1);
    // :: error: (shape.dim.range)
    x.flatten(4);
    // The start_dim form keeps the leading dims: [N, C*H*W] is no [N*C*H*W].
    // :: error: (shape.assignment)
    @Shape({"N*C*H*W"}) Tensor wrong = x.flatten(1);
  }
}

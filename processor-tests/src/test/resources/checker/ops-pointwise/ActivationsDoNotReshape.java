import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** An activation cannot change a declared shape. */
class ActivationsDoNotReshape {
  void use(@Shape({"B", "H"}) Tensor x) {
    // :: error: (shape.assignment) found [B, H], required [H, B]
    @Shape({"H", "B"}) Tensor a = x.relu();
  }
}

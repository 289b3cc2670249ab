import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** expandAs, like expand, stretches only size-1 dims. */
class ExpandAsRejected {
  void use(@Shape({"3", "2"}) Tensor x, @Shape({"3", "4"}) Tensor target) {
    // :: error: (shape.expand)
    x.expandAs(target);
    // :: error: (shape.expand)
    Torch.expandAs(target, x);
  }
}

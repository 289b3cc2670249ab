import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Only size-1 dims expand; repeat needs a count per dim. */
class ExpandRepeatRejected {
  void use(@Shape({"3", "1"}) Tensor x) {
    // :: error: (shape.expand)
    x.expand(4, 4);
    // :: error: (shape.repeat)
    x.repeat(2);
  }
}

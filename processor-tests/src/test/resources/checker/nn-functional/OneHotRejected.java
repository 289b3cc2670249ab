import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.oneHot: the number of classes is at least 0, or -1 to infer it. */
class OneHotRejected {
  void use(@Shape({"B"}) Tensor labels) {
    // :: error: (shape.size.negative)
    F.oneHot(labels, -2);
  }
}

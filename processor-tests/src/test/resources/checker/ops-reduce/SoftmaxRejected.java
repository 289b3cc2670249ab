import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The softmax dim must exist. */
class SoftmaxRejected {
  void use(@Shape({"B", "10"}) Tensor logits) {
    // :: error: (shape.dim.range)
    logits.softmax(2);
  }
}

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** One-hot targets, or a batch size mismatch, are rejected. */
class CrossEntropyRejected {
  void use(@Shape({"32", "10"}) Tensor logits, @Shape({"32", "10", "1"}) Tensor oneHotish, @Shape({"16"}) Tensor labels) {
    // :: error: (shape.mismatch.loss.target)
    F.crossEntropy(logits, oneHotish);
    // :: error: (shape.mismatch.loss.target)
    F.crossEntropy(logits, labels);
  }
}

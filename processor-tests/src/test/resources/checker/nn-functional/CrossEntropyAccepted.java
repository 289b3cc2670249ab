import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Class-index targets: [N, C] logits with [N] targets. */
class CrossEntropyAccepted {
  void use(@Shape({"N", "10"}) Tensor logits, @Shape({"N"}) Tensor labels) {
    @Shape({}) Tensor loss = F.crossEntropy(logits, labels);
  }
}

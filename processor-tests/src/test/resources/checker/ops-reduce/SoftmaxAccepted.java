import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** softmax and logSoftmax keep the shape. */
class SoftmaxAccepted {
  void use(@Shape({"B", "10"}) Tensor logits) {
    @Shape({"B", "10"}) Tensor p = logits.softmax(1);
    @Shape({"B", "10"}) Tensor lp = logits.logSoftmax(-1);
  }
}

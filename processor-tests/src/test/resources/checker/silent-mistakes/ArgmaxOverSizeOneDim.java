import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Silent mistake 3: argmax over a dim of size 1 (a binary classifier's single logit) is always 0,
 * so the "accuracy" measures the label balance.
 */
class ArgmaxOverSizeOneDim {
  Tensor wrong(@Shape({"N", "1"}) Tensor logits) {
    // :: error: (shape.reduce.trivial)
    return logits.argmax(1);
  }

  @Shape({"N"}) Tensor fixed(@Shape({"N", "2"}) Tensor logits) {
    return logits.argmax(1);
  }
}

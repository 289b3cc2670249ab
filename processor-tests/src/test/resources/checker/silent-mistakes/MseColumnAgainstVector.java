import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Silent mistake 1: a regression head outputs (N, 1), the targets are (N); libtorch broadcasts
 * the difference to (N, N) and returns a wrong loss without a word.
 */
class MseColumnAgainstVector {
  Tensor wrong(@Shape({"N", "1"}) Tensor prediction, @Shape({"N"}) Tensor target) {
    // :: error: (shape.mismatch.loss.same) F.mseLoss
    return F.mseLoss(prediction, target);
  }

  Tensor fixed(@Shape({"N", "1"}) Tensor prediction, @Shape({"N"}) Tensor target) {
    return F.mseLoss(prediction.squeeze(1), target);
  }
}

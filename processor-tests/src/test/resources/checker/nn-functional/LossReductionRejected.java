import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The reduction decides the result's rank, so a per-element result declared for a mean is an
 * error; the inputs are checked whatever the reduction, a variable one included.
 */
class LossReductionRejected {
  void use(@Shape({"B", "3"}) Tensor a, @Shape({"B", "3"}) Tensor b,
      @Shape({"N", "1"}) Tensor column, @Shape({"N"}) Tensor vector,
      @Shape({"B", "10"}) Tensor logits, @Shape({"B"}) Tensor labels, Reduction chosen) {
    // :: error: (shape.assignment) found [], required [B, 3]
    @Shape({"B", "3"}) Tensor notPerElement = F.mseLoss(a, b, Reduction.MEAN);
    // :: error: (shape.assignment) found [B, 3], required []
    @Shape({}) Tensor notReduced = F.smoothL1Loss(a, b, Reduction.NONE, 1.0);
    // :: error: (shape.assignment) found [B], required [B, 10]
    @Shape({"B", "10"}) Tensor perClass = F.crossEntropy(logits, labels, Reduction.NONE);
    // :: error: (shape.mismatch.loss.same)
    F.mseLoss(column, vector, Reduction.NONE);
    // :: error: (shape.mismatch.loss.same)
    F.mseLoss(column, vector, chosen);
    // :: error: (shape.mismatch.loss.target)
    F.crossEntropy(logits, vector, chosen);
  }
}

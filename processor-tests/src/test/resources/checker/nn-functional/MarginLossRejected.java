import static dev.shapetorch.tensor.Reduction.NONE;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.loss.SoftMarginLoss;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * A margin loss given a column against a vector, scores against labels of another batch, or a
 * per-sample result declared per element: the errors the other losses give.
 */
class MarginLossRejected {
  void use(@Shape({"N", "1"}) Tensor column, @Shape({"N"}) Tensor vector,
      @Shape({"B", "10"}) Tensor scores, @Shape({"B"}) Tensor labels,
      @Shape({"C"}) Tensor otherLabels,
      @Shape({"B", "10"}) Tensor lists, @Shape({"B", "9"}) Tensor shortLists) {
    // :: error: (shape.mismatch.loss.same)
    F.hingeEmbeddingLoss(column, vector);
    // :: error: (shape.mismatch.loss.same)
    F.softMarginLoss(column, vector, Reduction.NONE);
    // :: error: (shape.mismatch.loss.target)
    F.multiMarginLoss(scores, otherLabels);
    // :: error: (shape.assignment) found [B], required [B, 10]
    @Shape({"B", "10"}) Tensor perClass = F.multiMarginLoss(scores, labels, 1, 1.0, null, NONE);
    // :: error: (shape.mismatch.argument)
    F.multilabelMarginLoss(lists, shortLists);
    // :: error: (shape.mismatch.loss.same)
    new SoftMarginLoss().forward(column, vector);
  }
}

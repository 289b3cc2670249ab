import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.loss.HingeEmbeddingLoss;
import dev.shapetorch.nn.loss.MultiMarginLoss;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The margin losses: hinge embedding and soft margin take equal shapes (SAME_SHAPE_REDUCTION),
 * the multi-class margin loss scores with class indices (NLL_LOSS_REDUCTION), the multi-label one
 * two [B, C] tensors; the reduction gives the result's rank, as for the other losses.
 */
class MarginLossAccepted {
  void use(@Shape({"B", "4"}) Tensor distances, @Shape({"B", "4"}) Tensor signs,
      @Shape({"B", "10"}) Tensor scores, @Shape({"B"}) Tensor labels,
      @Shape({"B", "10"}) Tensor labelLists, @Shape({"10"}) Tensor weight) {
    @Shape({"B", "4"}) Tensor perElement =
        F.hingeEmbeddingLoss(distances, signs, 1.0, Reduction.NONE);
    @Shape({}) Tensor hinge = F.hingeEmbeddingLoss(distances, signs);
    @Shape({}) Tensor soft = F.softMarginLoss(distances, signs, Reduction.SUM);
    @Shape({"B"}) Tensor perSample =
        F.multiMarginLoss(scores, labels, 2, 0.5, weight, Reduction.NONE);
    @Shape({}) Tensor multi = Torch.multiMarginLoss(scores, labels);
    @Shape({}) Tensor multilabel = F.multilabelMarginLoss(scores, labelLists);
    @Shape({"B", "4"}) Tensor layer =
        new HingeEmbeddingLoss(0.5, Reduction.NONE).forward(distances, signs);
    @Shape({}) Tensor module = new MultiMarginLoss().forward(scores, labels);
  }
}

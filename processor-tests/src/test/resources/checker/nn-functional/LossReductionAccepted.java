import static dev.shapetorch.tensor.Reduction.NONE;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A loss given a Reduction constant has a known result: the per-element shape for NONE, [] for
 * the others (SAME_SHAPE_REDUCTION, CLASS_INDEX_LOSS_REDUCTION); a Reduction in a variable
 * leaves the rank unknown, which fits any declaration.
 */
class LossReductionAccepted {
  void use(@Shape({"B", "3"}) Tensor a, @Shape({"B", "3"}) Tensor b,
      @Shape({"B", "10", "H", "W"}) Tensor pixelLogits, @Shape({"B", "H", "W"}) Tensor pixels,
      @Shape({"B", "10"}) Tensor logits, @Shape({"B"}) Tensor labels, Reduction chosen) {
    @Shape({"B", "3"}) Tensor perElement = F.mseLoss(a, b, Reduction.NONE);
    @Shape({"B", "3"}) Tensor imported = F.l1Loss(a, b, NONE);
    @Shape({}) Tensor mean = F.mseLoss(a, b, Reduction.MEAN);
    @Shape({}) Tensor sum = F.huberLoss(a, b, Reduction.SUM, 0.5);
    @Shape({}) Tensor batchMean = F.klDiv(a, b, Reduction.BATCHMEAN);
    @Shape({"B", "3"}) Tensor bce = F.binaryCrossEntropyWithLogits(a, b, (Reduction.NONE));
    @Shape({"B"}) Tensor perExample = F.crossEntropy(logits, labels, Reduction.NONE);
    @Shape({"B", "H", "W"}) Tensor perPixel = F.nllLoss(pixelLogits, pixels, Reduction.NONE);
    @Shape({}) Tensor nll = F.nllLoss(logits, labels, Reduction.SUM);
    @Shape({"B", "3"}) Tensor eitherRank = F.mseLoss(a, b, chosen);
    @Shape({}) Tensor orScalar = F.mseLoss(a, b, chosen);
    @Shape({"B", "3"}) Tensor viaTorch = Torch.mseLoss(a, b, Reduction.NONE);
  }
}

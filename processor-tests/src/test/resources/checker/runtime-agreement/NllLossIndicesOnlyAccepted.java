import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The negative log-likelihood takes class indices only: [N, C] with [N], [C] with [], [N, C, d]
 * with [N, d] (the run-time half is CheckerAgreementTest in tensor-runtime).
 */
class NllLossIndicesOnlyAccepted {
  void indices(@Shape({"4", "3"}) Tensor logp, @Shape({"4"}) Tensor labels,
      @Shape({"3"}) Tensor one, @Shape({}) Tensor label,
      @Shape({"4", "3", "5"}) Tensor maps, @Shape({"4", "5"}) Tensor pixels) {
    @Shape({}) Tensor a = F.nllLoss(logp, labels);
    @Shape({"4"}) Tensor b = F.nllLoss(logp, labels, Reduction.NONE);
    @Shape({}) Tensor c = F.nllLoss(one, label);
    @Shape({"4", "5"}) Tensor d = F.nllLoss(maps, pixels, Reduction.NONE);
    @Shape({"4"}) Tensor e = new NLLLoss(null, -100, Reduction.NONE).forward(logp, labels);
  }
}

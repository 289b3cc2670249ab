import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * A target of the input's rank would be class probabilities, which cross-entropy takes and the
 * negative log-likelihood does not: for nllLoss it is a shape error, at compile time and at run
 * time (CheckerAgreementTest in tensor-runtime, same text), not libtorch's.
 */
class NllLossIndicesOnlyRejected {
  void targetOfTheInputsRank(@Shape({"2", "1"}) Tensor logp, @Shape({"2", "1"}) Tensor labels,
      @Shape({"3"}) Tensor one, @Shape({"3"}) Tensor probabilities) {
    // :: error: (shape.mismatch.loss.target) F.nllLoss: target [2, 1] must be [2] (class indices) for input [2, 1]: this loss takes no class probabilities, so a target of the input's rank is an error (drop the class dim, dim 1)
    F.nllLoss(logp, labels);
    // :: error: (shape.mismatch.loss.target)
    F.nllLoss(logp, labels, Reduction.SUM);
    // :: error: (shape.mismatch.loss.target) NLLLoss.forward: target [2, 1] must be [2] (class indices) for input [2, 1]: this loss takes no class probabilities, so a target of the input's rank is an error (drop the class dim, dim 1)
    new NLLLoss().forward(logp, labels);
    // :: error: (shape.mismatch.loss.target) F.nllLoss: target [3] must be [] (class indices) for input [3]: this loss takes no class probabilities, so a target of the input's rank is an error (drop the class dim, dim 0)
    F.nllLoss(one, probabilities);
  }
}

package dev.shapetorch.optim;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** The moment updates Adam and AdamW share (PyTorch's single-tensor path). Package-private. */
final class AdamUpdate {

  private AdamUpdate() {}

  /**
   * One Adam step of {@code param} given its (already decayed, sign-corrected) gradient.
   *
   * @return the new state
   */
  static Adam.State step(Tensor param, Tensor grad, Adam.State previous, double lr, double beta1,
      double beta2, double eps, boolean amsgrad) {
    Tensor expAvg;
    Tensor expAvgSq;
    Tensor maxExpAvgSq = null;
    long step;
    if (previous == null) {
      expAvg = Torch.zerosLike(param);
      expAvgSq = Torch.zerosLike(param);
      step = 1;
    } else {
      expAvg = previous.expAvg();
      expAvgSq = previous.expAvgSq();
      maxExpAvgSq = previous.maxExpAvgSq();
      step = previous.step() + 1;
    }
    if (amsgrad && maxExpAvgSq == null) {
      maxExpAvgSq = Torch.zerosLike(param);
    }
    expAvg.mul_(beta1).add_(grad, 1 - beta1);
    expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    double stepSize = lr / biasCorrection1;
    double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    Tensor denom;
    if (amsgrad) {
      maxExpAvgSq.copy_(Torch.maximum(maxExpAvgSq, expAvgSq));
      denom = maxExpAvgSq.sqrt().div_(biasCorrection2Sqrt).add_(eps);
    } else {
      denom = expAvgSq.sqrt().div_(biasCorrection2Sqrt).add_(eps);
    }
    param.addcdiv_(expAvg, denom, -stepSize);
    return new Adam.State(step, expAvg, expAvgSq, maxExpAvgSq);
  }
}

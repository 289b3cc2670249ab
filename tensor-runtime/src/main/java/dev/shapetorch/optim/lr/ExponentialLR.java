package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;

/**
 * Multiplies each learning rate by {@code gamma} every epoch, as PyTorch's {@code
 * ExponentialLR}: epoch e uses {@code base * gamma^e}.
 *
 * <pre>{@code
 * new ExponentialLR(optimizer, 0.95);
 * }</pre>
 */
public final class ExponentialLR extends LRScheduler {

  private final double gamma;

  /** Decays by {@code gamma} every epoch. */
  public ExponentialLR(Optimizer<?, ?> optimizer, double gamma) {
    super(optimizer);
    this.gamma = gamma;
    start();
  }

  @Override
  protected double[] computeLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = lastEpoch() == 0 ? groupLr(i) : groupLr(i) * gamma;
    }
    return lrs;
  }

  @Override
  protected double[] closedFormLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = baseLr(i) * Math.pow(gamma, lastEpoch());
    }
    return lrs;
  }
}

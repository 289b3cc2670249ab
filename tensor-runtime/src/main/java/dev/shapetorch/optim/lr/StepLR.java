package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;

/**
 * Multiplies each learning rate by {@code gamma} every {@code stepSize} epochs, as PyTorch's
 * {@code StepLR}: epoch e uses {@code base * gamma^floor(e / stepSize)}.
 *
 * <pre>{@code
 * new StepLR(optimizer, 30, 0.1);   // 0.1 for epochs 0-29, 0.01 for 30-59, ...
 * }</pre>
 */
public final class StepLR extends LRScheduler {

  private final int stepSize;
  private final double gamma;

  /**
   * Decays by {@code gamma} every {@code stepSize} epochs.
   *
   * @throws IllegalArgumentException if {@code stepSize} is not positive
   */
  public StepLR(Optimizer<?, ?> optimizer, int stepSize, double gamma) {
    super(optimizer);
    if (stepSize < 1) {
      throw new IllegalArgumentException("StepLR: stepSize must be positive, got " + stepSize);
    }
    this.stepSize = stepSize;
    this.gamma = gamma;
    start();
  }

  /** Decays by PyTorch's default {@code gamma} 0.1 every {@code stepSize} epochs. */
  public StepLR(Optimizer<?, ?> optimizer, int stepSize) {
    this(optimizer, stepSize, 0.1);
  }

  @Override
  protected double[] computeLr() {
    double[] lrs = new double[numGroups()];
    boolean decay = lastEpoch() != 0 && lastEpoch() % stepSize == 0;
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = decay ? groupLr(i) * gamma : groupLr(i);
    }
    return lrs;
  }

  @Override
  protected double[] closedFormLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = baseLr(i) * Math.pow(gamma, Math.floorDiv(lastEpoch(), stepSize));
    }
    return lrs;
  }
}

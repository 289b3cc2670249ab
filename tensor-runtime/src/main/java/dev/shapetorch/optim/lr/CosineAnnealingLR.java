package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;

/**
 * Anneals each learning rate from its base value to {@code etaMin} along half a cosine over
 * {@code tMax} epochs, then back up over the next {@code tMax} (and so on), as PyTorch's {@code
 * CosineAnnealingLR} (SGDR without restarts):
 *
 * <pre>
 * lr(e) = etaMin + (base - etaMin) * (1 + cos(pi * e / tMax)) / 2
 * </pre>
 *
 * computed, as in PyTorch, recursively from the previous epoch's rate.
 *
 * <pre>{@code
 * new CosineAnnealingLR(optimizer, epochs);
 * }</pre>
 */
public final class CosineAnnealingLR extends LRScheduler {

  private final int tMax;
  private final double etaMin;

  /**
   * Anneals to {@code etaMin} over {@code tMax} epochs.
   *
   * @throws IllegalArgumentException if {@code tMax} is not positive
   */
  public CosineAnnealingLR(Optimizer<?, ?> optimizer, int tMax, double etaMin) {
    super(optimizer);
    if (tMax < 1) {
      throw new IllegalArgumentException("CosineAnnealingLR: tMax must be positive, got " + tMax);
    }
    this.tMax = tMax;
    this.etaMin = etaMin;
    start();
  }

  /** Anneals to 0 over {@code tMax} epochs. */
  public CosineAnnealingLR(Optimizer<?, ?> optimizer, int tMax) {
    this(optimizer, tMax, 0);
  }

  @Override
  protected double[] computeLr() {
    int e = lastEpoch();
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      double lr = groupLr(i);
      if (e == 0) {
        lrs[i] = lr;
      } else if (stepCount() == 1 && e > 0) {
        lrs[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(e * Math.PI / tMax)) / 2;
      } else if (Math.floorMod(e - 1 - tMax, 2 * tMax) == 0) {
        lrs[i] = lr + (baseLr(i) - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
      } else {
        lrs[i] = (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax))
            * (lr - etaMin) + etaMin;
      }
    }
    return lrs;
  }

  @Override
  protected double[] closedFormLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(Math.PI * lastEpoch() / tMax)) / 2;
    }
    return lrs;
  }
}

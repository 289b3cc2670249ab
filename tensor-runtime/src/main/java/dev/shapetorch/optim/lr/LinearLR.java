package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;

/**
 * Moves the factor on each learning rate linearly from {@code startFactor} to {@code endFactor}
 * over {@code totalIters} epochs, then keeps it, as PyTorch's {@code LinearLR}: epoch e uses
 * {@code base * (start + (end - start) * min(e, totalIters) / totalIters)}, computed, as in
 * PyTorch, from the previous epoch's rate. A common linear warm-up.
 *
 * <pre>{@code
 * new LinearLR(optimizer, 0.1, 1.0, 10);   // warm up from a tenth of the rate over 10 epochs
 * }</pre>
 */
public final class LinearLR extends LRScheduler {

  private final double startFactor;
  private final double endFactor;
  private final int totalIters;

  /**
   * Moves the factor from {@code startFactor} to {@code endFactor} over {@code totalIters}
   * epochs.
   *
   * @throws IllegalArgumentException if {@code startFactor} is outside (0, 1], {@code endFactor}
   *     outside [0, 1] or {@code totalIters} is not positive
   */
  public LinearLR(Optimizer<?, ?> optimizer, double startFactor, double endFactor,
      int totalIters) {
    super(optimizer);
    if (!(startFactor > 0 && startFactor <= 1)) {
      throw new IllegalArgumentException("LinearLR: startFactor must be in (0, 1], got "
          + startFactor + " (the first epoch's rate is base * startFactor)");
    }
    if (!(endFactor >= 0 && endFactor <= 1)) {
      throw new IllegalArgumentException(
          "LinearLR: endFactor must be between 0 and 1, got " + endFactor);
    }
    if (totalIters < 1) {
      throw new IllegalArgumentException(
          "LinearLR: totalIters must be positive, got " + totalIters);
    }
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    start();
  }

  /** PyTorch's defaults: from a third of the rate to the whole rate over 5 epochs. */
  public LinearLR(Optimizer<?, ?> optimizer) {
    this(optimizer, 1.0 / 3, 1.0, 5);
  }

  @Override
  protected double[] computeLr() {
    int e = lastEpoch();
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      if (e == 0) {
        lrs[i] = groupLr(i) * startFactor;
      } else if (e > totalIters) {
        lrs[i] = groupLr(i);
      } else {
        lrs[i] = groupLr(i) * (1. + (endFactor - startFactor)
            / (totalIters * startFactor + (e - 1) * (endFactor - startFactor)));
      }
    }
    return lrs;
  }

  @Override
  protected double[] closedFormLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = baseLr(i) * (startFactor
          + (endFactor - startFactor) * Math.min(totalIters, lastEpoch()) / totalIters);
    }
    return lrs;
  }
}

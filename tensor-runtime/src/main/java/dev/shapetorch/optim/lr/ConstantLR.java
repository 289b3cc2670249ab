package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;

/**
 * Multiplies each learning rate by a constant {@code factor} for the first {@code totalIters}
 * epochs, then restores it, as PyTorch's {@code ConstantLR}: epochs 0 to totalIters - 1 use
 * {@code base * factor}, later ones {@code base}. Often a warm-up inside a {@link SequentialLR}.
 *
 * <pre>{@code
 * new ConstantLR(optimizer, 0.5, 4);   // half the rate for 4 epochs
 * }</pre>
 */
public final class ConstantLR extends LRScheduler {

  private final double factor;
  private final int totalIters;

  /**
   * Uses {@code factor} times the rate for {@code totalIters} epochs.
   *
   * @throws IllegalArgumentException if {@code factor} is outside [0, 1]
   */
  public ConstantLR(Optimizer<?, ?> optimizer, double factor, int totalIters) {
    super(optimizer);
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException(
          "ConstantLR: factor must be between 0 and 1, got " + factor);
    }
    this.factor = factor;
    this.totalIters = totalIters;
    start();
  }

  /** PyTorch's defaults: a third of the rate for 5 epochs. */
  public ConstantLR(Optimizer<?, ?> optimizer) {
    this(optimizer, 1.0 / 3, 5);
  }

  @Override
  protected double[] computeLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      if (lastEpoch() == 0) {
        lrs[i] = groupLr(i) * factor;
      } else if (lastEpoch() == totalIters) {
        lrs[i] = groupLr(i) * (1.0 / factor);
      } else {
        lrs[i] = groupLr(i);
      }
    }
    return lrs;
  }

  @Override
  protected double[] closedFormLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = baseLr(i) * (factor + (lastEpoch() >= totalIters ? 1 - factor : 0));
    }
    return lrs;
  }
}

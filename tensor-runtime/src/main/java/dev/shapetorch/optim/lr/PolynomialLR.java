package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;

/**
 * Decays each learning rate along a polynomial to 0 over {@code totalIters} epochs, as PyTorch's
 * {@code PolynomialLR}: epoch e uses {@code base * (1 - min(e, totalIters) / totalIters)^power},
 * computed, as in PyTorch, from the previous epoch's rate.
 *
 * <pre>{@code
 * new PolynomialLR(optimizer, 100, 2.0);
 * }</pre>
 */
public final class PolynomialLR extends LRScheduler {

  private final int totalIters;
  private final double power;

  /**
   * Decays to 0 over {@code totalIters} epochs with exponent {@code power}.
   *
   * @throws IllegalArgumentException if {@code totalIters} is not positive
   */
  public PolynomialLR(Optimizer<?, ?> optimizer, int totalIters, double power) {
    super(optimizer);
    if (totalIters < 1) {
      throw new IllegalArgumentException(
          "PolynomialLR: totalIters must be positive, got " + totalIters);
    }
    this.totalIters = totalIters;
    this.power = power;
    start();
  }

  /** PyTorch's defaults: linear decay over 5 epochs. */
  public PolynomialLR(Optimizer<?, ?> optimizer) {
    this(optimizer, 5, 1.0);
  }

  @Override
  protected double[] computeLr() {
    int e = lastEpoch();
    double[] lrs = new double[numGroups()];
    double decay = Math.pow((1.0 - (double) e / totalIters)
        / (1.0 - (double) (e - 1) / totalIters), power);
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = e == 0 || e > totalIters ? groupLr(i) : groupLr(i) * decay;
    }
    return lrs;
  }

  @Override
  protected double[] closedFormLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = baseLr(i)
          * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch()) / totalIters, power);
    }
    return lrs;
  }
}

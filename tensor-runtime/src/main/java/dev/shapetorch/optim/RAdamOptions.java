package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link RAdam}, with PyTorch 1.13's defaults ({@code lr} 1e-3, {@code
 * betas} (0.9, 0.999), {@code eps} 1e-8, {@code weight_decay} 0). PyTorch 1.13's RAdam has no
 * {@code maximize}.
 *
 * <pre>{@code
 * RAdamOptions o = RAdamOptions.lr(1e-3).withWeightDecay(1e-4);
 * }</pre>
 *
 * @param lr learning rate
 * @param beta1 decay of the running average of the gradient (PyTorch's {@code betas[0]})
 * @param beta2 decay of the running average of its square ({@code betas[1]})
 * @param eps added to the denominator for numerical stability
 * @param weightDecay L2 penalty added to the gradient
 */
public record RAdamOptions(
    double lr,
    double beta1,
    double beta2,
    double eps,
    double weightDecay) implements OptimizerOptions<RAdamOptions> {

  /** PyTorch's defaults. */
  public static final RAdamOptions DEFAULTS = new RAdamOptions(1e-3, 0.9, 0.999, 1e-8, 0);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate, epsilon or weight decay, or a
   *     beta outside [0, 1)
   */
  public RAdamOptions {
    Hyper.nonNegative("RAdam", "learning rate", lr);
    Hyper.nonNegative("RAdam", "epsilon", eps);
    Hyper.beta("RAdam", "beta", beta1);
    Hyper.beta("RAdam", "beta", beta2);
    Hyper.nonNegative("RAdam", "weight_decay", weightDecay);
  }

  /** The defaults with this learning rate. */
  public static RAdamOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public RAdamOptions withLr(double newLr) {
    return new RAdamOptions(newLr, beta1, beta2, eps, weightDecay);
  }

  /** A copy with other betas. */
  public RAdamOptions withBetas(double newBeta1, double newBeta2) {
    return new RAdamOptions(lr, newBeta1, newBeta2, eps, weightDecay);
  }

  /** A copy with another epsilon. */
  public RAdamOptions withEps(double newEps) {
    return new RAdamOptions(lr, beta1, beta2, newEps, weightDecay);
  }

  /** A copy with another weight decay. */
  public RAdamOptions withWeightDecay(double newWeightDecay) {
    return new RAdamOptions(lr, beta1, beta2, eps, newWeightDecay);
  }

  /** True: OneCycleLR may cycle {@code beta1}. */
  @Override
  public boolean hasMomentumTerm() {
    return true;
  }

  /** {@code beta1}. */
  @Override
  public double momentumTerm() {
    return beta1;
  }

  /** A copy with another {@code beta1}. */
  @Override
  public RAdamOptions withMomentumTerm(double value) {
    return withBetas(value, beta2);
  }
}

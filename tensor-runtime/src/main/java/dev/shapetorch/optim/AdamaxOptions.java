package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link Adamax}, with PyTorch's defaults ({@code lr} 2e-3, {@code betas}
 * (0.9, 0.999), {@code eps} 1e-8, {@code weight_decay} 0, not maximising).
 *
 * <pre>{@code
 * AdamaxOptions o = AdamaxOptions.lr(1e-3).withBetas(0.8, 0.99);
 * }</pre>
 *
 * @param lr learning rate
 * @param beta1 decay of the running average of the gradient (PyTorch's {@code betas[0]})
 * @param beta2 decay of the running infinity norm ({@code betas[1]})
 * @param eps added to the gradient's magnitude for numerical stability
 * @param weightDecay L2 penalty added to the gradient
 * @param maximize maximise the objective instead of minimising it
 */
public record AdamaxOptions(
    double lr,
    double beta1,
    double beta2,
    double eps,
    double weightDecay,
    boolean maximize) implements OptimizerOptions<AdamaxOptions> {

  /** PyTorch's defaults. */
  public static final AdamaxOptions DEFAULTS =
      new AdamaxOptions(2e-3, 0.9, 0.999, 1e-8, 0, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate, epsilon or weight decay, or a
   *     beta outside [0, 1)
   */
  public AdamaxOptions {
    Hyper.nonNegative("Adamax", "learning rate", lr);
    Hyper.nonNegative("Adamax", "epsilon", eps);
    Hyper.beta("Adamax", "beta", beta1);
    Hyper.beta("Adamax", "beta", beta2);
    Hyper.nonNegative("Adamax", "weight_decay", weightDecay);
  }

  /** The defaults with this learning rate. */
  public static AdamaxOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public AdamaxOptions withLr(double newLr) {
    return new AdamaxOptions(newLr, beta1, beta2, eps, weightDecay, maximize);
  }

  /** A copy with other betas. */
  public AdamaxOptions withBetas(double newBeta1, double newBeta2) {
    return new AdamaxOptions(lr, newBeta1, newBeta2, eps, weightDecay, maximize);
  }

  /** A copy with another epsilon. */
  public AdamaxOptions withEps(double newEps) {
    return new AdamaxOptions(lr, beta1, beta2, newEps, weightDecay, maximize);
  }

  /** A copy with another weight decay. */
  public AdamaxOptions withWeightDecay(double newWeightDecay) {
    return new AdamaxOptions(lr, beta1, beta2, eps, newWeightDecay, maximize);
  }

  /** A copy that maximises or minimises. */
  public AdamaxOptions withMaximize(boolean newMaximize) {
    return new AdamaxOptions(lr, beta1, beta2, eps, weightDecay, newMaximize);
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
  public AdamaxOptions withMomentumTerm(double value) {
    return withBetas(value, beta2);
  }
}

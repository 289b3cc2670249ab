package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link Adadelta}, with PyTorch's defaults ({@code lr} 1.0, {@code rho}
 * 0.9, {@code eps} 1e-6, {@code weight_decay} 0, not maximising).
 *
 * <pre>{@code
 * AdadeltaOptions o = AdadeltaOptions.DEFAULTS.withRho(0.95).withWeightDecay(1e-4);
 * }</pre>
 *
 * @param lr learning rate: scales the computed update
 * @param rho decay of the running averages of the squared gradient and the squared update
 * @param eps added inside both square roots for numerical stability
 * @param weightDecay L2 penalty added to the gradient
 * @param maximize maximise the objective instead of minimising it
 */
public record AdadeltaOptions(
    double lr,
    double rho,
    double eps,
    double weightDecay,
    boolean maximize) implements OptimizerOptions<AdadeltaOptions> {

  /** PyTorch's defaults. */
  public static final AdadeltaOptions DEFAULTS = new AdadeltaOptions(1.0, 0.9, 1e-6, 0, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate, epsilon or weight decay, or a
   *     {@code rho} outside [0, 1]
   */
  public AdadeltaOptions {
    Hyper.nonNegative("Adadelta", "learning rate", lr);
    Hyper.unit("Adadelta", "rho", rho);
    Hyper.nonNegative("Adadelta", "epsilon", eps);
    Hyper.nonNegative("Adadelta", "weight_decay", weightDecay);
  }

  /** The defaults with this learning rate. */
  public static AdadeltaOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public AdadeltaOptions withLr(double newLr) {
    return new AdadeltaOptions(newLr, rho, eps, weightDecay, maximize);
  }

  /** A copy with another {@code rho}. */
  public AdadeltaOptions withRho(double newRho) {
    return new AdadeltaOptions(lr, newRho, eps, weightDecay, maximize);
  }

  /** A copy with another epsilon. */
  public AdadeltaOptions withEps(double newEps) {
    return new AdadeltaOptions(lr, rho, newEps, weightDecay, maximize);
  }

  /** A copy with another weight decay. */
  public AdadeltaOptions withWeightDecay(double newWeightDecay) {
    return new AdadeltaOptions(lr, rho, eps, newWeightDecay, maximize);
  }

  /** A copy that maximises or minimises. */
  public AdadeltaOptions withMaximize(boolean newMaximize) {
    return new AdadeltaOptions(lr, rho, eps, weightDecay, newMaximize);
  }
}

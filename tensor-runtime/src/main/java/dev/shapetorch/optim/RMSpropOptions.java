package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link RMSprop}, with PyTorch's defaults ({@code lr} 1e-2, {@code
 * alpha} 0.99, {@code eps} 1e-8, no weight decay, no momentum, not centered).
 *
 * <pre>{@code
 * RMSpropOptions o = RMSpropOptions.lr(1e-3).withMomentum(0.9).withCentered(true);
 * }</pre>
 *
 * @param lr learning rate
 * @param alpha smoothing constant of the squared-gradient average
 * @param eps added to the denominator for numerical stability
 * @param weightDecay L2 penalty added to the gradient
 * @param momentum momentum factor (0 for none)
 * @param centered normalise by an estimate of the gradient's variance instead of its second
 *     moment
 * @param maximize maximise the objective instead of minimising it
 */
public record RMSpropOptions(
    double lr,
    double alpha,
    double eps,
    double weightDecay,
    double momentum,
    boolean centered,
    boolean maximize) implements OptimizerOptions<RMSpropOptions> {

  /** PyTorch's defaults. */
  public static final RMSpropOptions DEFAULTS =
      new RMSpropOptions(1e-2, 0.99, 1e-8, 0, 0, false, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative value
   */
  public RMSpropOptions {
    Hyper.nonNegative("RMSprop", "learning rate", lr);
    Hyper.nonNegative("RMSprop", "epsilon", eps);
    Hyper.nonNegative("RMSprop", "momentum", momentum);
    Hyper.nonNegative("RMSprop", "weight_decay", weightDecay);
    Hyper.nonNegative("RMSprop", "alpha", alpha);
  }

  /** The defaults with this learning rate. */
  public static RMSpropOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public RMSpropOptions withLr(double newLr) {
    return new RMSpropOptions(newLr, alpha, eps, weightDecay, momentum, centered, maximize);
  }

  /** A copy with another smoothing constant. */
  public RMSpropOptions withAlpha(double newAlpha) {
    return new RMSpropOptions(lr, newAlpha, eps, weightDecay, momentum, centered, maximize);
  }

  /** A copy with another epsilon. */
  public RMSpropOptions withEps(double newEps) {
    return new RMSpropOptions(lr, alpha, newEps, weightDecay, momentum, centered, maximize);
  }

  /** A copy with another weight decay. */
  public RMSpropOptions withWeightDecay(double newWeightDecay) {
    return new RMSpropOptions(lr, alpha, eps, newWeightDecay, momentum, centered, maximize);
  }

  /** A copy with another momentum. */
  public RMSpropOptions withMomentum(double newMomentum) {
    return new RMSpropOptions(lr, alpha, eps, weightDecay, newMomentum, centered, maximize);
  }

  /** A copy that is or is not centered. */
  public RMSpropOptions withCentered(boolean newCentered) {
    return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, newCentered, maximize);
  }

  /** A copy that maximises or minimises. */
  public RMSpropOptions withMaximize(boolean newMaximize) {
    return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, newMaximize);
  }

  /** True: OneCycleLR may cycle the momentum. */
  @Override
  public boolean hasMomentumTerm() {
    return true;
  }

  /** The momentum. */
  @Override
  public double momentumTerm() {
    return momentum;
  }

  /** A copy with another momentum. */
  @Override
  public RMSpropOptions withMomentumTerm(double value) {
    return withMomentum(value);
  }
}

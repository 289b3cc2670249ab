package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link ASGD}, with PyTorch's defaults ({@code lr} 1e-2, {@code lambd}
 * 1e-4, {@code alpha} 0.75, {@code t0} 1e6, {@code weight_decay} 0, not maximising).
 *
 * <pre>{@code
 * ASGDOptions o = ASGDOptions.lr(0.05).withT0(100).withWeightDecay(1e-4);
 * }</pre>
 *
 * @param lr learning rate: the first step's size; later steps shrink from it
 * @param lambd decay term: shrinks the parameter each step and the step size over time
 * @param alpha power of the step-size schedule
 * @param t0 the step after which the parameter is averaged (before it, the average is the last
 *     value)
 * @param weightDecay L2 penalty added to the gradient
 * @param maximize maximise the objective instead of minimising it
 */
public record ASGDOptions(
    double lr,
    double lambd,
    double alpha,
    double t0,
    double weightDecay,
    boolean maximize) implements OptimizerOptions<ASGDOptions> {

  /** PyTorch's defaults. */
  public static final ASGDOptions DEFAULTS = new ASGDOptions(1e-2, 1e-4, 0.75, 1e6, 0, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate or weight decay
   */
  public ASGDOptions {
    Hyper.nonNegative("ASGD", "learning rate", lr);
    Hyper.nonNegative("ASGD", "weight_decay", weightDecay);
  }

  /** The defaults with this learning rate. */
  public static ASGDOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public ASGDOptions withLr(double newLr) {
    return new ASGDOptions(newLr, lambd, alpha, t0, weightDecay, maximize);
  }

  /** A copy with another decay term {@code lambd}. */
  public ASGDOptions withLambd(double newLambd) {
    return new ASGDOptions(lr, newLambd, alpha, t0, weightDecay, maximize);
  }

  /** A copy with another power {@code alpha} of the step-size schedule. */
  public ASGDOptions withAlpha(double newAlpha) {
    return new ASGDOptions(lr, lambd, newAlpha, t0, weightDecay, maximize);
  }

  /** A copy with another step {@code t0} at which averaging starts. */
  public ASGDOptions withT0(double newT0) {
    return new ASGDOptions(lr, lambd, alpha, newT0, weightDecay, maximize);
  }

  /** A copy with another weight decay. */
  public ASGDOptions withWeightDecay(double newWeightDecay) {
    return new ASGDOptions(lr, lambd, alpha, t0, newWeightDecay, maximize);
  }

  /** A copy that maximises or minimises. */
  public ASGDOptions withMaximize(boolean newMaximize) {
    return new ASGDOptions(lr, lambd, alpha, t0, weightDecay, newMaximize);
  }
}

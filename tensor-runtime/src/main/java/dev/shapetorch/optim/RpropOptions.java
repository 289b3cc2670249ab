package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link Rprop}, with PyTorch's defaults ({@code lr} 1e-2, {@code etas}
 * (0.5, 1.2), {@code step_sizes} (1e-6, 50), not maximising).
 *
 * <pre>{@code
 * RpropOptions o = RpropOptions.lr(0.05).withEtas(0.3, 1.5).withStepSizes(1e-4, 1);
 * }</pre>
 *
 * @param lr learning rate: every element's first step size
 * @param etaMinus factor of a step size whose gradient changed sign ({@code etas[0]}, in (0, 1))
 * @param etaPlus factor of a step size whose gradient kept its sign ({@code etas[1]}, above 1)
 * @param stepSizeMin smallest step size ({@code step_sizes[0]})
 * @param stepSizeMax largest step size ({@code step_sizes[1]})
 * @param maximize maximise the objective instead of minimising it
 */
public record RpropOptions(
    double lr,
    double etaMinus,
    double etaPlus,
    double stepSizeMin,
    double stepSizeMax,
    boolean maximize) implements OptimizerOptions<RpropOptions> {

  /** PyTorch's defaults. */
  public static final RpropOptions DEFAULTS = new RpropOptions(1e-2, 0.5, 1.2, 1e-6, 50, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate, or etas not with {@code 0 <
   *     etaMinus < 1 < etaPlus}
   */
  public RpropOptions {
    Hyper.nonNegative("Rprop", "learning rate", lr);
    if (!(0 < etaMinus && etaMinus < 1 && 1 < etaPlus)) {
      throw new IllegalArgumentException("Rprop: invalid eta values: " + etaMinus + ", " + etaPlus
          + " (must be 0 < etaMinus < 1 < etaPlus: a sign change must shrink the step, a kept"
          + " sign grow it)");
    }
  }

  /** The defaults with this learning rate. */
  public static RpropOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public RpropOptions withLr(double newLr) {
    return new RpropOptions(newLr, etaMinus, etaPlus, stepSizeMin, stepSizeMax, maximize);
  }

  /** A copy with other multiplicative factors ({@code etas}: decrease, increase). */
  public RpropOptions withEtas(double newEtaMinus, double newEtaPlus) {
    return new RpropOptions(lr, newEtaMinus, newEtaPlus, stepSizeMin, stepSizeMax, maximize);
  }

  /** A copy with other bounds on the step sizes ({@code step_sizes}: smallest, largest). */
  public RpropOptions withStepSizes(double newMin, double newMax) {
    return new RpropOptions(lr, etaMinus, etaPlus, newMin, newMax, maximize);
  }

  /** A copy that maximises or minimises. */
  public RpropOptions withMaximize(boolean newMaximize) {
    return new RpropOptions(lr, etaMinus, etaPlus, stepSizeMin, stepSizeMax, newMaximize);
  }
}

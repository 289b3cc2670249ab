package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link Adagrad}, with PyTorch's defaults ({@code lr} 1e-2, no learning
 * rate decay, no weight decay, initial accumulator 0, {@code eps} 1e-10; not fused).
 *
 * <pre>{@code
 * AdagradOptions o = AdagradOptions.lr(0.1).withLrDecay(1e-3);
 * }</pre>
 *
 * @param lr learning rate
 * @param lrDecay learning rate decay: step t uses {@code lr / (1 + (t - 1) * lrDecay)}
 * @param weightDecay L2 penalty added to the gradient
 * @param initialAccumulatorValue the starting value of the sum of squared gradients
 * @param eps added to the denominator for numerical stability
 * @param maximize maximise the objective instead of minimising it
 * @param fused update all parameters of a group with libtorch's fused kernel (PyTorch's
 *     {@code fused=True}): one native call per group and dtype instead of several tensor ops per
 *     parameter; same results to float rounding. Needs floating-point parameters on the CPU
 *     (libtorch has no CUDA kernel for it)
 */
public record AdagradOptions(
    double lr,
    double lrDecay,
    double weightDecay,
    double initialAccumulatorValue,
    double eps,
    boolean maximize,
    boolean fused) implements OptimizerOptions<AdagradOptions> {

  /** PyTorch's defaults. */
  public static final AdagradOptions DEFAULTS =
      new AdagradOptions(1e-2, 0, 0, 0, 1e-10, false, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative value
   */
  public AdagradOptions {
    Hyper.nonNegative("Adagrad", "learning rate", lr);
    Hyper.nonNegative("Adagrad", "lr_decay", lrDecay);
    Hyper.nonNegative("Adagrad", "weight_decay", weightDecay);
    Hyper.nonNegative("Adagrad", "initial_accumulator_value", initialAccumulatorValue);
    Hyper.nonNegative("Adagrad", "epsilon", eps);
  }

  /** The defaults with this learning rate. */
  public static AdagradOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public AdagradOptions withLr(double newLr) {
    return new AdagradOptions(
        newLr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize, fused);
  }

  /** A copy with another learning rate decay. */
  public AdagradOptions withLrDecay(double newLrDecay) {
    return new AdagradOptions(
        lr, newLrDecay, weightDecay, initialAccumulatorValue, eps, maximize, fused);
  }

  /** A copy with another weight decay. */
  public AdagradOptions withWeightDecay(double newWeightDecay) {
    return new AdagradOptions(
        lr, lrDecay, newWeightDecay, initialAccumulatorValue, eps, maximize, fused);
  }

  /** A copy with another initial accumulator value. */
  public AdagradOptions withInitialAccumulatorValue(double newValue) {
    return new AdagradOptions(lr, lrDecay, weightDecay, newValue, eps, maximize, fused);
  }

  /** A copy with another epsilon. */
  public AdagradOptions withEps(double newEps) {
    return new AdagradOptions(
        lr, lrDecay, weightDecay, initialAccumulatorValue, newEps, maximize, fused);
  }

  /** A copy that maximises or minimises. */
  public AdagradOptions withMaximize(boolean newMaximize) {
    return new AdagradOptions(
        lr, lrDecay, weightDecay, initialAccumulatorValue, eps, newMaximize, fused);
  }

  /**
   * A copy that does or does not use libtorch's fused kernel (PyTorch's {@code fused=True}; off by
   * default, as in PyTorch on the CPU). The fused step is checked at each {@link Optimizer#step()}:
   * every parameter with a gradient must be floating point and on the CPU (libtorch has no CUDA
   * kernel for fused Adagrad).
   */
  public AdagradOptions withFused(boolean newFused) {
    return new AdagradOptions(
        lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize, newFused);
  }
}

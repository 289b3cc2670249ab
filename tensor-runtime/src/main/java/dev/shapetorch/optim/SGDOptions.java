package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link SGD}, with PyTorch's defaults (except {@code lr}, which PyTorch
 * requires and {@link #lr(double)} asks for).
 *
 * <pre>{@code
 * SGDOptions o = SGDOptions.lr(0.1).withMomentum(0.9).withNesterov(true).withWeightDecay(5e-4);
 * }</pre>
 *
 * @param lr learning rate
 * @param momentum momentum factor (0 for plain SGD)
 * @param dampening dampening of the momentum
 * @param weightDecay L2 penalty added to the gradient
 * @param nesterov use Nesterov momentum (needs {@code momentum > 0} and {@code dampening == 0})
 * @param maximize maximise the objective instead of minimising it
 * @param fused update all parameters of a group with libtorch's fused kernel (PyTorch's
 *     {@code fused=True}): one native call per group and dtype instead of several tensor ops per
 *     parameter; same results to float rounding. Needs floating-point parameters on CPU or CUDA
 */
public record SGDOptions(
    double lr,
    double momentum,
    double dampening,
    double weightDecay,
    boolean nesterov,
    boolean maximize,
    boolean fused) implements OptimizerOptions<SGDOptions> {

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative value, or Nesterov without momentum or with
   *     dampening
   */
  public SGDOptions {
    Hyper.nonNegative("SGD", "learning rate", lr);
    Hyper.nonNegative("SGD", "momentum", momentum);
    Hyper.nonNegative("SGD", "weight_decay", weightDecay);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException(
          "SGD: Nesterov momentum requires a momentum > 0 and zero dampening (got momentum "
              + momentum + ", dampening " + dampening + ")");
    }
  }

  /** Plain SGD with this learning rate: no momentum, dampening or weight decay. */
  public static SGDOptions lr(double lr) {
    return new SGDOptions(lr, 0, 0, 0, false, false, false);
  }

  @Override
  public SGDOptions withLr(double newLr) {
    return new SGDOptions(newLr, momentum, dampening, weightDecay, nesterov, maximize, fused);
  }

  /** A copy with another momentum. */
  public SGDOptions withMomentum(double newMomentum) {
    return new SGDOptions(lr, newMomentum, dampening, weightDecay, nesterov, maximize, fused);
  }

  /** A copy with another dampening. */
  public SGDOptions withDampening(double newDampening) {
    return new SGDOptions(lr, momentum, newDampening, weightDecay, nesterov, maximize, fused);
  }

  /** A copy with another weight decay. */
  public SGDOptions withWeightDecay(double newWeightDecay) {
    return new SGDOptions(lr, momentum, dampening, newWeightDecay, nesterov, maximize, fused);
  }

  /** A copy with or without Nesterov momentum. */
  public SGDOptions withNesterov(boolean newNesterov) {
    return new SGDOptions(lr, momentum, dampening, weightDecay, newNesterov, maximize, fused);
  }

  /** A copy that maximises or minimises. */
  public SGDOptions withMaximize(boolean newMaximize) {
    return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, newMaximize, fused);
  }

  /**
   * A copy that does or does not use libtorch's fused kernel (PyTorch's {@code fused=True}; off by
   * default, as in PyTorch on the CPU). The fused step is checked at each {@link Optimizer#step()}:
   * every parameter with a gradient must be floating point and on the CPU or a CUDA device.
   */
  public SGDOptions withFused(boolean newFused) {
    return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, maximize, newFused);
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
  public SGDOptions withMomentumTerm(double value) {
    return withMomentum(value);
  }
}

package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link Adam}, with PyTorch's defaults ({@code lr} 1e-3, {@code betas}
 * (0.9, 0.999), {@code eps} 1e-8, {@code weight_decay} 0; not fused).
 *
 * <pre>{@code
 * AdamOptions o = AdamOptions.lr(3e-4).withBetas(0.9, 0.98).withAmsgrad(true);
 * }</pre>
 *
 * @param lr learning rate
 * @param beta1 decay of the running average of the gradient (PyTorch's {@code betas[0]})
 * @param beta2 decay of the running average of its square ({@code betas[1]})
 * @param eps added to the denominator for numerical stability
 * @param weightDecay L2 penalty added to the gradient
 * @param amsgrad use the maximum of past squared-gradient averages (AMSGrad)
 * @param maximize maximise the objective instead of minimising it
 * @param fused update all parameters of a group with libtorch's fused kernel (PyTorch's
 *     {@code fused=True}): one native call per group and dtype instead of several tensor ops per
 *     parameter; same results to float rounding. Needs floating-point parameters on CPU or CUDA
 */
public record AdamOptions(
    double lr,
    double beta1,
    double beta2,
    double eps,
    double weightDecay,
    boolean amsgrad,
    boolean maximize,
    boolean fused) implements OptimizerOptions<AdamOptions> {

  /** PyTorch's defaults. */
  public static final AdamOptions DEFAULTS =
      new AdamOptions(1e-3, 0.9, 0.999, 1e-8, 0, false, false, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate, epsilon or weight decay, or a
   *     beta outside [0, 1)
   */
  public AdamOptions {
    Hyper.nonNegative("Adam", "learning rate", lr);
    Hyper.nonNegative("Adam", "epsilon", eps);
    Hyper.beta("Adam", "beta", beta1);
    Hyper.beta("Adam", "beta", beta2);
    Hyper.nonNegative("Adam", "weight_decay", weightDecay);
  }

  /** The defaults with this learning rate. */
  public static AdamOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public AdamOptions withLr(double newLr) {
    return new AdamOptions(newLr, beta1, beta2, eps, weightDecay, amsgrad, maximize, fused);
  }

  /** A copy with other betas. */
  public AdamOptions withBetas(double newBeta1, double newBeta2) {
    return new AdamOptions(lr, newBeta1, newBeta2, eps, weightDecay, amsgrad, maximize, fused);
  }

  /** A copy with another epsilon. */
  public AdamOptions withEps(double newEps) {
    return new AdamOptions(lr, beta1, beta2, newEps, weightDecay, amsgrad, maximize, fused);
  }

  /** A copy with another weight decay. */
  public AdamOptions withWeightDecay(double newWeightDecay) {
    return new AdamOptions(lr, beta1, beta2, eps, newWeightDecay, amsgrad, maximize, fused);
  }

  /** A copy with or without AMSGrad. */
  public AdamOptions withAmsgrad(boolean newAmsgrad) {
    return new AdamOptions(lr, beta1, beta2, eps, weightDecay, newAmsgrad, maximize, fused);
  }

  /** A copy that maximises or minimises. */
  public AdamOptions withMaximize(boolean newMaximize) {
    return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, newMaximize, fused);
  }

  /**
   * A copy that does or does not use libtorch's fused kernel (PyTorch's {@code fused=True}; off by
   * default, as in PyTorch on the CPU). The fused step is checked at each {@link Optimizer#step()}:
   * every parameter with a gradient must be floating point and on the CPU or a CUDA device.
   */
  public AdamOptions withFused(boolean newFused) {
    return new AdamOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, newFused);
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
  public AdamOptions withMomentumTerm(double value) {
    return withBetas(value, beta2);
  }
}

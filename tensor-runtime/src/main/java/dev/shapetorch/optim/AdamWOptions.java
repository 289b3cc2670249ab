package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link AdamW}, with PyTorch's defaults ({@code lr} 1e-3, {@code betas}
 * (0.9, 0.999), {@code eps} 1e-8, {@code weight_decay} 0.01; not fused).
 *
 * <pre>{@code
 * AdamWOptions o = AdamWOptions.lr(3e-4).withBetas(0.9, 0.98).withAmsgrad(true);
 * }</pre>
 *
 * @param lr learning rate
 * @param beta1 decay of the running average of the gradient (PyTorch's {@code betas[0]})
 * @param beta2 decay of the running average of its square ({@code betas[1]})
 * @param eps added to the denominator for numerical stability
 * @param weightDecay decoupled weight decay: each step multiplies the parameters by {@code 1 - lr * weightDecay}
 * @param amsgrad use the maximum of past squared-gradient averages (AMSGrad)
 * @param maximize maximise the objective instead of minimising it
 * @param fused update all parameters of a group with libtorch's fused kernel (PyTorch's
 *     {@code fused=True}): one native call per group and dtype instead of several tensor ops per
 *     parameter; same results to float rounding. Needs floating-point parameters on CPU or CUDA
 */
public record AdamWOptions(
    double lr,
    double beta1,
    double beta2,
    double eps,
    double weightDecay,
    boolean amsgrad,
    boolean maximize,
    boolean fused) implements OptimizerOptions<AdamWOptions> {

  /** PyTorch's defaults. */
  public static final AdamWOptions DEFAULTS =
      new AdamWOptions(1e-3, 0.9, 0.999, 1e-8, 0.01, false, false, false);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate, epsilon or weight decay, or a
   *     beta outside [0, 1)
   */
  public AdamWOptions {
    Hyper.nonNegative("AdamW", "learning rate", lr);
    Hyper.nonNegative("AdamW", "epsilon", eps);
    Hyper.beta("AdamW", "beta", beta1);
    Hyper.beta("AdamW", "beta", beta2);
    Hyper.nonNegative("AdamW", "weight_decay", weightDecay);
  }

  /** The defaults with this learning rate. */
  public static AdamWOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public AdamWOptions withLr(double newLr) {
    return new AdamWOptions(newLr, beta1, beta2, eps, weightDecay, amsgrad, maximize, fused);
  }

  /** A copy with other betas. */
  public AdamWOptions withBetas(double newBeta1, double newBeta2) {
    return new AdamWOptions(lr, newBeta1, newBeta2, eps, weightDecay, amsgrad, maximize, fused);
  }

  /** A copy with another epsilon. */
  public AdamWOptions withEps(double newEps) {
    return new AdamWOptions(lr, beta1, beta2, newEps, weightDecay, amsgrad, maximize, fused);
  }

  /** A copy with another weight decay. */
  public AdamWOptions withWeightDecay(double newWeightDecay) {
    return new AdamWOptions(lr, beta1, beta2, eps, newWeightDecay, amsgrad, maximize, fused);
  }

  /** A copy with or without AMSGrad. */
  public AdamWOptions withAmsgrad(boolean newAmsgrad) {
    return new AdamWOptions(lr, beta1, beta2, eps, weightDecay, newAmsgrad, maximize, fused);
  }

  /** A copy that maximises or minimises. */
  public AdamWOptions withMaximize(boolean newMaximize) {
    return new AdamWOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, newMaximize, fused);
  }

  /**
   * A copy that does or does not use libtorch's fused kernel (PyTorch's {@code fused=True}; off by
   * default, as in PyTorch on the CPU). The fused step is checked at each {@link Optimizer#step()}:
   * every parameter with a gradient must be floating point and on the CPU or a CUDA device.
   */
  public AdamWOptions withFused(boolean newFused) {
    return new AdamWOptions(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, newFused);
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
  public AdamWOptions withMomentumTerm(double value) {
    return withBetas(value, beta2);
  }
}

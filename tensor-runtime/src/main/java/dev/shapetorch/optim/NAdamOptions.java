package dev.shapetorch.optim;

/**
 * The hyperparameters of {@link NAdam}, with PyTorch 1.13's defaults ({@code lr} 2e-3, {@code
 * betas} (0.9, 0.999), {@code eps} 1e-8, {@code weight_decay} 0, {@code momentum_decay} 4e-3).
 * PyTorch 1.13's NAdam has no {@code maximize}.
 *
 * <pre>{@code
 * NAdamOptions o = NAdamOptions.lr(1e-3).withMomentumDecay(2e-3);
 * }</pre>
 *
 * @param lr learning rate
 * @param beta1 decay of the running average of the gradient (PyTorch's {@code betas[0]})
 * @param beta2 decay of the running average of its square ({@code betas[1]})
 * @param eps added to the denominator for numerical stability
 * @param weightDecay L2 penalty added to the gradient
 * @param momentumDecay how fast the momentum schedule {@code mu_t = beta1 * (1 - 0.5 * 0.96^(t *
 *     momentumDecay))} rises
 */
public record NAdamOptions(
    double lr,
    double beta1,
    double beta2,
    double eps,
    double weightDecay,
    double momentumDecay) implements OptimizerOptions<NAdamOptions> {

  /** PyTorch's defaults. */
  public static final NAdamOptions DEFAULTS = new NAdamOptions(2e-3, 0.9, 0.999, 1e-8, 0, 4e-3);

  /**
   * Checks the values as PyTorch does.
   *
   * @throws IllegalArgumentException for a negative learning rate, epsilon, weight decay or
   *     momentum decay, or a beta outside [0, 1)
   */
  public NAdamOptions {
    Hyper.nonNegative("NAdam", "learning rate", lr);
    Hyper.nonNegative("NAdam", "epsilon", eps);
    Hyper.beta("NAdam", "beta", beta1);
    Hyper.beta("NAdam", "beta", beta2);
    Hyper.nonNegative("NAdam", "weight_decay", weightDecay);
    Hyper.nonNegative("NAdam", "momentum_decay", momentumDecay);
  }

  /** The defaults with this learning rate. */
  public static NAdamOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public NAdamOptions withLr(double newLr) {
    return new NAdamOptions(newLr, beta1, beta2, eps, weightDecay, momentumDecay);
  }

  /** A copy with other betas. */
  public NAdamOptions withBetas(double newBeta1, double newBeta2) {
    return new NAdamOptions(lr, newBeta1, newBeta2, eps, weightDecay, momentumDecay);
  }

  /** A copy with another epsilon. */
  public NAdamOptions withEps(double newEps) {
    return new NAdamOptions(lr, beta1, beta2, newEps, weightDecay, momentumDecay);
  }

  /** A copy with another weight decay. */
  public NAdamOptions withWeightDecay(double newWeightDecay) {
    return new NAdamOptions(lr, beta1, beta2, eps, newWeightDecay, momentumDecay);
  }

  /** A copy with another momentum decay. */
  public NAdamOptions withMomentumDecay(double newMomentumDecay) {
    return new NAdamOptions(lr, beta1, beta2, eps, weightDecay, newMomentumDecay);
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
  public NAdamOptions withMomentumTerm(double value) {
    return withBetas(value, beta2);
  }
}

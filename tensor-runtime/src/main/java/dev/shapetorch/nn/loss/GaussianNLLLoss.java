package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The negative log-likelihood of the target under a Gaussian of the input's mean and the given variance, reduced: PyTorch's {@code nn.GaussianNLLLoss}.
 *
 * <p>Shape: input and target of equal shape {@code [*s]}; the variance has that shape, or lacks its last dim, or has size 1 there; the result is 0-d, or {@code [*s]} with {@link Reduction#NONE}.
 */
public final class GaussianNLLLoss extends AbstractLoss {
  private final boolean full;
  private final double eps;

  /** With PyTorch's defaults (not full, eps 1e-6, {@link Reduction#MEAN}). */
  public GaussianNLLLoss() {
    this(false, 1e-6, Reduction.MEAN);
  }

  /**
   * With the given options.
   *
   * @param full whether to add the constant {@code 0.5 log(2 pi)}
   * @param eps the smallest variance used
   * @param reduction how the per-element losses are reduced
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  public GaussianNLLLoss(boolean full, double eps, Reduction reduction) {
    super("GaussianNLLLoss", reduction);
    this.full = full;
    this.eps = eps;
  }

  /**
   * The loss.
   *
   * <p>Shape: input and target of equal shape {@code [*s]}; the variance has that shape, or lacks its last dim, or has size 1 there; the result is 0-d, or {@code [*s]} with {@link Reduction#NONE}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the shapes do not fit together
   */
  public Tensor forward(@Shape({"*s"}) Tensor input, @Shape({"*s"}) Tensor target, Tensor var) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        input, target, var);
  }

  private Tensor forwardBody(Tensor input, Tensor target, Tensor var) {
    return F.gaussianNllLoss(input, target, var, full, eps, reduction());
  }

  /** {@code full}. */
  public boolean full() {
    return full;
  }

  /** {@code eps}. */
  public double eps() {
    return eps;
  }
}

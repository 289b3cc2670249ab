package dev.shapetorch.nn.distance;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Tensor;

/**
 * The p-norm distance between the vectors of two tensors along the last dim, {@code ||x1 - x2 +
 * eps||_p}, as a module: PyTorch's {@code nn.PairwiseDistance(p=2, eps=1e-6, keepdim=False)}.
 *
 * <p>Shape: {@code x1} and {@code x2} broadcast, then the last dim is removed (kept as 1 with
 * {@code keepdim}): {@code [*b, D], [*b, D] -> [*b]}; checked at run time by {@code
 * F.pairwiseDistance}'s rule.
 */
public final class PairwiseDistance extends AbstractModule {
  private final double p;
  private final double eps;
  private final boolean keepdim;

  /** PyTorch's defaults: {@code p = 2}, {@code eps = 1e-6}, no keepdim. */
  public PairwiseDistance() {
    this(2.0, 1e-6, false);
  }

  /** The {@code p}-norm, {@code eps = 1e-6}, no keepdim. */
  public PairwiseDistance(double p) {
    this(p, 1e-6, false);
  }

  /**
   * The {@code p}-norm of {@code x1 - x2 + eps}, keeping the reduced dim (size 1) if {@code
   * keepdim}.
   */
  public PairwiseDistance(double p, double eps, boolean keepdim) {
    this.p = p;
    this.eps = eps;
    this.keepdim = keepdim;
  }

  /**
   * The distances between the vectors of {@code x1} and {@code x2}.
   *
   * <p>Shape: {@code [*b, D], [*b, D] -> [*b]} ({@code [*b, 1]} with keepdim).
   *
   * @throws dev.shapetorch.tensor.ShapeException if the inputs do not broadcast
   */
  public Tensor forward(Tensor x1, Tensor x2) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), x1, x2);
  }

  private Tensor forwardBody(Tensor x1, Tensor x2) {
    return F.pairwiseDistance(x1, x2, p, eps, keepdim);
  }

  /** The exponent of the norm. */
  public double p() {
    return p;
  }

  /** What is added to the difference. */
  public double eps() {
    return eps;
  }

  /** Whether the reduced dim stays. */
  public boolean keepdim() {
    return keepdim;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code PairwiseDistance()} (it prints no arguments). */
  @Override
  public String toString() {
    return "PairwiseDistance()";
  }
}

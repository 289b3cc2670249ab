package dev.shapetorch.nn.normalization;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * Local response normalisation across channels, PyTorch's {@code nn.LocalResponseNorm(size,
 * alpha, beta, k)}: {@code b_c = a_c / (k + alpha / size * sum_{c'} a_{c'}^2)^beta}, the sum over
 * the {@code size} channels around {@code c} ({@code F.localResponseNorm}). No parameters.
 *
 * <p>Shape: {@code [N, C, *] -> [N, C, *]}, at least 3-D ({@link Rule#LOCAL_RESPONSE_NORM},
 * checked when {@code forward} calls {@code F.localResponseNorm}).
 */
public final class LocalResponseNorm extends AbstractModule implements UnaryModule {
  private final long size;
  private final double alpha;
  private final double beta;
  private final double k;

  /**
   * With PyTorch's defaults: alpha 1e-4, beta 0.75, k 1.
   *
   * @param size the channels each window spans, at least 1
   * @throws IllegalArgumentException for a size below 1
   */
  public LocalResponseNorm(long size) {
    this(size, 1e-4, 0.75, 1.0);
  }

  /**
   * Every option.
   *
   * @param size the channels each window spans, at least 1 (and at most 2^31 - 1)
   * @param alpha the scale of the sum of squares
   * @param beta the exponent
   * @param k the additive constant
   * @throws IllegalArgumentException for a size out of range, or a non-finite alpha, beta or k
   */
  public LocalResponseNorm(long size, double alpha, double beta, double k) {
    Checks.positive("LocalResponseNorm", "size", size);
    if (size > Integer.MAX_VALUE) {
      throw Arguments.invalid("LocalResponseNorm", "size must be at most " + Integer.MAX_VALUE
          + ", got " + size);
    }
    if (!Double.isFinite(alpha) || !Double.isFinite(beta) || !Double.isFinite(k)) {
      throw Arguments.invalid("LocalResponseNorm", "alpha, beta and k must be finite, got alpha "
          + alpha + ", beta " + beta + ", k " + k);
    }
    this.size = size;
    this.alpha = alpha;
    this.beta = beta;
    this.k = k;
  }

  /**
   * Normalises, as {@code F.localResponseNorm(input, size, alpha, beta, k)}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for fewer than 3 dims
   */
  @Override
  public Tensor forward(Tensor input) {
    return runForward(input, x -> F.localResponseNorm(x, size, alpha, beta, k));
  }

  /** The channels each window spans. */
  public long size() {
    return size;
  }

  /** The scale of the sum of squares. */
  public double alpha() {
    return alpha;
  }

  /** The exponent. */
  public double beta() {
    return beta;
  }

  /** The additive constant. */
  public double k() {
    return k;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code LocalResponseNorm(2, alpha=0.0001, beta=0.75, k=1.0)}. */
  @Override
  public String toString() {
    return "LocalResponseNorm(" + size + ", alpha=" + Checks.pyFloat(alpha) + ", beta="
        + Checks.pyFloat(beta) + ", k=" + Checks.pyFloat(k) + ")";
  }
}

package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code log(1 + e^(beta x)) / beta}, linear where {@code beta x > threshold}, elementwise, as a module: PyTorch's {@code nn.Softplus}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Softplus extends AbstractModule implements UnaryModule {
  private final double beta;
  private final double threshold;

  /** With PyTorch's default (beta = 1.0, threshold = 20.0). */
  public Softplus() {
    this(1.0, 20.0);
  }

  /**
   * With the given options.
   *
   * @param beta the sharpness
   * @param threshold where it turns linear
   */
  public Softplus(double beta, double threshold) {
    this.beta = beta;
    this.threshold = threshold;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.softplus(x, beta, threshold));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "Softplus(beta=" + Checks.pyNumber(beta) + ", threshold=" + Checks.pyNumber(threshold)
        + ")";
  }
}

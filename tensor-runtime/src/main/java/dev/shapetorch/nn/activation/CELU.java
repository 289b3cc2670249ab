package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code max(0, x) + min(0, alpha * (e^(x/alpha) - 1))}, elementwise, as a module: PyTorch's {@code nn.CELU}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class CELU extends AbstractModule implements UnaryModule {
  private final double alpha;

  /** With PyTorch's default (alpha = 1). */
  public CELU() {
    this(1.0);
  }

  /**
   * With the given options.
   *
   * @param alpha not 0
   * @throws IllegalArgumentException if an option is out of its range
   */
  public CELU(double alpha) {
    if (alpha == 0) {
      throw new IllegalArgumentException("CELU: alpha must not be 0 (it divides x); PyTorch's"
          + " default is 1.0");
    }
    this.alpha = alpha;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.celu(x, alpha));
  }

  /** {@code alpha}. */
  public double alpha() {
    return alpha;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "CELU(alpha=" + Checks.pyFloat(alpha) + ")";
  }
}

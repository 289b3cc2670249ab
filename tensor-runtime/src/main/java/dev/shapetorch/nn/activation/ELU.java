package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code x} where positive, {@code alpha * (e^x - 1)} elsewhere, elementwise, as a module: PyTorch's {@code nn.ELU}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class ELU extends AbstractModule implements UnaryModule {
  private final double alpha;

  /** With PyTorch's default (alpha = 1.0). */
  public ELU() {
    this(1.0);
  }

  /**
   * With the given options.
   *
   * @param alpha the saturation value for negative inputs
   */
  public ELU(double alpha) {
    this.alpha = alpha;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.elu(x, alpha));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "ELU(alpha=" + Checks.pyFloat(alpha) + ")";
  }
}

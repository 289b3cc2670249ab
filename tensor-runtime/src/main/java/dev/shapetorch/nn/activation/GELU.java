package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * The Gaussian error linear unit, elementwise, as a module: PyTorch's {@code nn.GELU}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class GELU extends AbstractModule implements UnaryModule {
  private final String approximate;

  /** With PyTorch's default (approximate = "none"). */
  public GELU() {
    this("none");
  }

  /**
   * With the given options.
   *
   * @param approximate {@code "none"} (exact, with erf) or {@code "tanh"}
   */
  public GELU(String approximate) {
    Checks.gelu(approximate);
    this.approximate = approximate;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.gelu(x, approximate));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "GELU(approximate='" + approximate + "')";
  }
}

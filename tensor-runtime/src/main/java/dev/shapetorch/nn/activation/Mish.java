package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code x * tanh(softplus(x))}, elementwise, as a module: PyTorch's {@code nn.Mish}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Mish extends AbstractModule implements UnaryModule {
  /** The activation. */
  public Mish() {}

  /**
   * Applies the activation ({@link F#mish(Tensor)}).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.mish(x));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "Mish()";
  }
}

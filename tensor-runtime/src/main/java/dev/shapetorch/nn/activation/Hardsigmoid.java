package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code relu6(x + 3) / 6}, elementwise, as a module: PyTorch's {@code nn.Hardsigmoid}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Hardsigmoid extends AbstractModule implements UnaryModule {
  /** The activation. */
  public Hardsigmoid() {}

  /**
   * Applies the activation ({@link F#hardsigmoid(Tensor)}).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.hardsigmoid(x));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "Hardsigmoid()";
  }
}

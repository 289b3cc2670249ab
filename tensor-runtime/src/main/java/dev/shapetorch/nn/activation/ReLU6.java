package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code min(max(x, 0), 6)}, elementwise, as a module: PyTorch's {@code nn.ReLU6}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class ReLU6 extends AbstractModule implements UnaryModule {
  /** The activation. */
  public ReLU6() {}

  /**
   * Applies the activation ({@link F#relu6(Tensor)}).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.relu6(x));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "ReLU6()";
  }
}

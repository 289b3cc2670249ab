package dev.shapetorch.nn.linear;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Returns its input: PyTorch's {@code nn.Identity}, a placeholder (a removed classifier head).
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Identity extends AbstractModule implements UnaryModule {

  /** The identity. */
  public Identity() {}

  /**
   * Returns {@code input} itself.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> x);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  @Override
  public String toString() {
    return "Identity()";
  }
}

package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code log(sigmoid(x))}, elementwise, as a module: PyTorch's {@code nn.LogSigmoid}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class LogSigmoid extends AbstractModule implements UnaryModule {
  /** The activation. */
  public LogSigmoid() {}

  /**
   * Applies the activation ({@link F#logsigmoid(Tensor)}).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.logsigmoid(x));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "LogSigmoid()";
  }
}

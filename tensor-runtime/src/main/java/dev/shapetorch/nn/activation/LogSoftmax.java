package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * The log-softmax along one dim, as a module: PyTorch's {@code nn.LogSoftmax(dim)}.
 *
 * <p>Shape: {@code [*s] -> [*s]}; {@code dim} must be in range.
 */
public final class LogSoftmax extends AbstractModule implements UnaryModule {
  private final int dim;

  /** Along {@code dim} (negative counts from the end). */
  public LogSoftmax(int dim) {
    this.dim = dim;
  }

  /**
   * Applies the log-softmax.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return F.logSoftmax(input, dim);
  }

  /** The dim. */
  public int dim() {
    return dim;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code LogSoftmax(dim=1)}. */
  @Override
  public String toString() {
    return "LogSoftmax(dim=" + dim + ")";
  }
}

package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * The softmax along one dim, as a module: PyTorch's {@code nn.Softmax(dim)}.
 *
 * <p>Shape: {@code [*s] -> [*s]}; {@code dim} must be in range.
 */
public final class Softmax extends AbstractModule implements UnaryModule {
  private final int dim;

  /** Along {@code dim} (negative counts from the end). */
  public Softmax(int dim) {
    this.dim = dim;
  }

  /**
   * Applies the softmax.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return F.softmax(input, dim);
  }

  /** The dim. */
  public int dim() {
    return dim;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Softmax(dim=1)}. */
  @Override
  public String toString() {
    return "Softmax(dim=" + dim + ")";
  }
}

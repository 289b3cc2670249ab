package dev.shapetorch.nn.activation;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * The softmax of {@code -x} along one dim, as a module: PyTorch's {@code nn.Softmin(dim)}.
 *
 * <p>Type: {@code @Shape({"dim"}) Softmin}, the dim, so that the checker knows it from a constant
 * constructor argument.
 *
 * <p>Shape: {@code [*s] -> [*s]}; {@code dim} must be in range ({@link Rule#ALONG_DIM_LAYER}).
 */
public final class Softmin extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(Softmin.class, "input");
  private final int dim;

  /** Along {@code dim} (negative counts from the end). */
  public @Shape({"dim"}) Softmin(@Dim int dim) {
    this.dim = dim;
  }

  /**
   * Applies the softmin.
   *
   * <p>Shape: {@code [*s] -> [*s]} ({@link Rule#ALONG_DIM_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.dim.range]} if the layer's dim
   *     is out of range for the input
   */
  @Override
  @ShapeRule(value = Rule.ALONG_DIM_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(new long[] {dim}, input);
    return F.softmin(input, dim);
  }

  /** The dim. */
  public int dim() {
    return dim;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Softmin(dim=1)}. */
  @Override
  public String toString() {
    return "Softmin(dim=" + dim + ")";
  }
}

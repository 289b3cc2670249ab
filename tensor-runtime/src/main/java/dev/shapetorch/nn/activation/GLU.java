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
 * The gated linear unit, as a module: PyTorch's {@code nn.GLU(dim)}. The input is split in two
 * halves {@code a}, {@code b} along {@code dim}; the result is {@code a * sigmoid(b)}.
 *
 * <p>Type: {@code @Shape({"dim"}) GLU}, the dim, so that the checker knows it from a constant
 * constructor argument.
 *
 * <p>Shape: {@code [a, 2h, c] -> [a, h, c]} along {@code dim}, whose size must be even ({@link
 * Rule#GLU_LAYER}).
 */
public final class GLU extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(GLU.class, "input");
  private final int dim;

  /** Along the last dim, PyTorch's default ({@code dim = -1}). */
  public @Shape({"-1"}) GLU() {
    this(-1);
  }

  /** Along {@code dim} (negative counts from the end). */
  public @Shape({"dim"}) GLU(@Dim int dim) {
    this.dim = dim;
  }

  /**
   * Applies the gated linear unit.
   *
   * <p>Shape: {@code [a, 2h, c] -> [a, h, c]} along the layer's dim ({@link Rule#GLU_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.split.size]} if the size along
   *     the dim is odd, {@code [shape.dim.range]} if the dim is out of range for the input
   */
  @Override
  @ShapeRule(value = Rule.GLU_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(new long[] {dim}, input);
    return F.glu(input, dim);
  }

  /** The dim that is halved. */
  public int dim() {
    return dim;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code GLU(dim=-1)}. */
  @Override
  public String toString() {
    return "GLU(dim=" + dim + ")";
  }
}

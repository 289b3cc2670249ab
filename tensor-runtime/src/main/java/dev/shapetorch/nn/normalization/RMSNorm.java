package dev.shapetorch.nn.normalization;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.OptionalDouble;

/**
 * Root-mean-square normalisation over the trailing dims of each sample: PyTorch 2's {@code
 * nn.RMSNorm} (as in LLaMA-style transformers): {@code y = x / sqrt(mean(x^2) + eps) * weight},
 * without centring or shift.
 *
 * <p>Type: {@code @Shape({"D"}) RMSNorm} for a layer over the last dim ({@link #RMSNorm(long)});
 * a layer over several trailing dims ({@link #RMSNorm(long[], OptionalDouble, boolean)}) has no
 * static type, and its input is checked at run time.
 *
 * <p>Shape: {@code [*batch, D] -> [*batch, D]} (in general {@code [*batch, *normalizedShape]},
 * unchanged).
 *
 * <p>Parameters: {@code weight} (ones) of the normalized shape; absent without elementwise
 * affine.
 */
public final class RMSNorm extends AbstractModule implements UnaryModule {
  private final long[] normalizedShape;
  private final OptionalDouble eps;
  private final Parameter weight;

  /**
   * Over the last dim, of size {@code d}, with PyTorch's defaults: {@code eps=None} (the input
   * dtype's machine epsilon) and a learned scale, as {@code nn.RMSNorm(d)}.
   *
   * @throws IllegalArgumentException if {@code d} is not positive
   */
  public @Shape({"d"}) RMSNorm(@Dim long d) {
    this(new long[] {d}, OptionalDouble.empty(), true);
  }

  /**
   * Over the trailing dims {@code normalizedShape}, as {@code nn.RMSNorm(normalized_shape, eps,
   * elementwise_affine)}.
   *
   * @param eps added to the mean square; empty for PyTorch's {@code None}, the input dtype's
   *     machine epsilon
   * @param elementwiseAffine whether to learn a scale per element
   * @throws IllegalArgumentException if {@code normalizedShape} is empty or holds a size that
   *     is not positive, or {@code eps} is negative or not finite
   */
  public RMSNorm(long[] normalizedShape, OptionalDouble eps, boolean elementwiseAffine) {
    Arguments.requireNonNull(normalizedShape, "normalizedShape");
    Arguments.requireNonNull(eps, "eps");
    if (normalizedShape.length == 0) {
      throw new IllegalArgumentException("RMSNorm: the normalized shape is empty");
    }
    for (long s : normalizedShape) {
      Checks.positive("RMSNorm", "a normalized size", s);
    }
    if (eps.isPresent() && (!(eps.getAsDouble() >= 0) || Double.isInfinite(eps.getAsDouble()))) {
      throw new IllegalArgumentException("RMSNorm: eps must be a finite number >= 0, got "
          + eps.getAsDouble());
    }
    this.normalizedShape = normalizedShape.clone();
    this.eps = eps;
    this.weight = elementwiseAffine ? new Parameter(Torch.ones(this.normalizedShape)) : null;
  }

  /**
   * Normalises.
   *
   * <p>Shape: {@code [*batch, D] -> [*batch, D]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the input does not end with the normalized
   *     shape
   */
  @Override
  public @Shape({"*batch", "D"}) Tensor forward(
      @Shape({"D"}) RMSNorm this, @Shape({"*batch", "D"}) Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    Tensor w = Checks.value(weight);
    return eps.isPresent() ? F.rmsNorm(input, normalizedShape, w, eps.getAsDouble())
        : F.rmsNorm(input, normalizedShape, w);
  }

  /** The scale (of the normalized shape), or null. */
  public Parameter weight() {
    return weight;
  }

  /** The normalized shape. */
  public long[] normalizedShape() {
    return normalizedShape.clone();
  }

  /** The {@code eps}; empty for the input dtype's machine epsilon. */
  public OptionalDouble eps() {
    return eps;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
  }

  /** As PyTorch prints it: {@code RMSNorm((4,), eps=None, elementwise_affine=True)}. */
  @Override
  public String toString() {
    return "RMSNorm(" + Checks.tuple(normalizedShape) + ", eps="
        + (eps.isPresent() ? Checks.pyFloat(eps.getAsDouble()) : "None")
        + ", elementwise_affine=" + Checks.pyBool(weight != null) + ")";
  }
}

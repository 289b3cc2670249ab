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
import java.util.List;
import java.util.stream.LongStream;

/**
 * Layer normalisation over the trailing dims of each sample: PyTorch's {@code nn.LayerNorm}.
 *
 * <p>Type: {@code @Shape({"D"}) LayerNorm} for the usual normalisation of the last dim ({@link
 * #LayerNorm(long)}); a layer over several trailing dims ({@link #LayerNorm(long[], double,
 * boolean)}) has no static type, and its input is checked at run time. By name, {@link Spec}.
 *
 * <p>Shape: {@code [*batch, D] -> [*batch, D]} (in general {@code [*batch, *normalizedShape]},
 * unchanged).
 *
 * <p>Parameters: {@code weight} (ones), {@code bias} (zeros), both of the normalized shape;
 * absent without elementwise affine.
 */
public final class LayerNorm extends AbstractModule implements UnaryModule {
  private final Spec spec;
  private final long[] normalizedShape;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A layer normalisation's hyperparameters by name, as its constructors take them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param normalizedShape the trailing dims normalised over, at least one, each positive
   * @param eps added to the variance
   * @param elementwiseAffine whether the layer learns a scale and shift per element
   */
  public record Spec(List<Long> normalizedShape, double eps, boolean elementwiseAffine) {
    /**
     * Checks the hyperparameters and keeps an unmodifiable copy of {@code normalizedShape}.
     *
     * @throws IllegalArgumentException if {@code normalizedShape} is null, empty or holds a
     *     size that is not positive
     */
    public Spec {
      if (Arguments.requireNonNullElements(normalizedShape, "normalizedShape").isEmpty()) {
        throw new IllegalArgumentException("LayerNorm: the normalized shape is empty");
      }
      for (long s : normalizedShape) {
        Checks.positive("LayerNorm", "a normalized size", s);
      }
      normalizedShape = List.copyOf(normalizedShape);
    }

    /**
     * The type's vector: {@code [D]} for a layer over the last dim, the one that has a static
     * type; a layer over several dims has none, and this is its normalized shape.
     */
    public long[] typeVector() {
      return normalizedShape.stream().mapToLong(Long::longValue).toArray();
    }
  }

  /** Over the last dim, of size {@code d}, with eps 1e-5 and an affine transform. */
  public @Shape({"d"}) LayerNorm(@Dim long d) {
    this(new long[] {d}, 1e-5, true);
  }

  /**
   * Over the trailing dims {@code normalizedShape}.
   *
   * @param eps added to the variance
   * @param elementwiseAffine whether to learn a scale and shift per element
   * @throws IllegalArgumentException as {@link Spec}'s constructor
   */
  public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
    this.spec = new Spec(LongStream.of(Arguments.requireNonNull(normalizedShape,
        "normalizedShape")).boxed().toList(), eps, elementwiseAffine);
    this.normalizedShape = spec.typeVector();
    this.weight = elementwiseAffine ? new Parameter(Torch.ones(this.normalizedShape)) : null;
    this.bias = elementwiseAffine ? new Parameter(Torch.zeros(this.normalizedShape)) : null;
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
      @Shape({"D"}) LayerNorm this, @Shape({"*batch", "D"}) Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    return F.layerNorm(input, normalizedShape, Checks.value(weight), Checks.value(bias),
        spec.eps);
  }

  /** The scale (of the normalized shape), or null. */
  public Parameter weight() {
    return weight;
  }

  /** The shift (of the normalized shape), or null. */
  public Parameter bias() {
    return bias;
  }

  /** The normalized shape. */
  public long[] normalizedShape() {
    return normalizedShape.clone();
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
    visitor.parameter("bias", bias);
  }

  /** As PyTorch prints it: {@code LayerNorm((4,), eps=1e-05, elementwise_affine=True)}. */
  @Override
  public String toString() {
    return "LayerNorm(" + Checks.tuple(normalizedShape) + ", eps=" + Checks.pyFloat(spec.eps)
        + ", elementwise_affine=" + Checks.pyBool(spec.elementwiseAffine) + ")";
  }
}

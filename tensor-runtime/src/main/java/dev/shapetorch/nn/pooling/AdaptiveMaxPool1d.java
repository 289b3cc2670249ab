package dev.shapetorch.nn.pooling;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.ValuesAndIndices;

/**
 * Max pooling to a fixed output size whatever the input's: PyTorch's {@code
 * nn.AdaptiveMaxPool1d}. Each output element pools the window {@code [floor(i*L/O),
 * ceil((i+1)*L/O))} of
 * its spatial dim, so windows may overlap when {@code O} does not divide {@code L}. {@link
 * #forwardWithIndices} also gives where each maximum was, as
 * {@code nn.AdaptiveMaxPool1d(..., return_indices=True)}.
 *
 * <p>Type: {@code @Shape({"OL"}) AdaptiveMaxPool1d}, the output size; by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, C, L] -> [N, C, OL]}. Batched input only.
 */
public final class AdaptiveMaxPool1d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD =
      Guard.forward(AdaptiveMaxPool1d.class, "input");

  private final Spec spec;

  /**
   * An adaptive max pooling's hyperparameters by name: the output size; the type's vector
   * is {@link #typeVector()}.
   *
   * @param outputL the output's length {@code OL}
   */
  public record Spec(long outputL) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public Spec {
      Pools.outputSizes("AdaptiveMaxPool1d", outputL);
    }

    /**
     * The type's vector, {@code [OL]}: what {@link AdaptiveMaxPool1d#forward} is checked
     * with.
     */
    public long[] typeVector() {
      return new long[] {outputL};
    }
  }

  /**
   * As {@code nn.AdaptiveMaxPool1d(ol)}.
   *
   * @throws IllegalArgumentException if the size is not positive
   */
  public @Shape({"ol"}) AdaptiveMaxPool1d(@Dim long ol) {
    this.spec = new Spec(ol);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, OL]}.
   */
  @Override
  public @Shape({"N", "C", "OL"}) Tensor forward(
      @Shape({"OL"}) AdaptiveMaxPool1d this,
      @Shape({"N", "C", "L"}) Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.adaptiveMaxPool1d(input, spec.outputL);
  }

  /**
   * Applies the pooling and also returns where each maximum was: int64 positions along {@code L},
   * as
   * {@code nn.AdaptiveMaxPool1d(..., return_indices=True)}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, OL]} for both values and indices.
   */
  public ValuesAndIndices forwardWithIndices(Tensor input) {
    return runForward(a -> forwardWithIndicesBody((Tensor) a.get(0)), input);
  }

  private ValuesAndIndices forwardWithIndicesBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.adaptiveMaxPool1dWithIndices(input, spec.outputL);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code AdaptiveMaxPool1d(output_size=3)}. */
  @Override
  public String toString() {
    return "AdaptiveMaxPool1d(output_size=" + Long.toString(spec.outputL) + ")";
  }
}

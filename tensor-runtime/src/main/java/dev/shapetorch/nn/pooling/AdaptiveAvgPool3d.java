package dev.shapetorch.nn.pooling;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Average pooling to a fixed output size whatever the input's: PyTorch's {@code
 * nn.AdaptiveAvgPool3d}. Each output element pools the window {@code [floor(i*L/O),
 * ceil((i+1)*L/O))} of
 * its spatial dim, so windows may overlap when {@code O} does not divide {@code L}.
 *
 * <p>Type: {@code @Shape({"OD", "OH", "OW"}) AdaptiveAvgPool3d}, the output size; by name, {@link
 * Spec}.
 *
 * <p>Shape: {@code [N, C, D, H, W] -> [N, C, OD, OH, OW]}. Batched input only.
 */
public final class AdaptiveAvgPool3d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD =
      Guard.forward(AdaptiveAvgPool3d.class, "input");

  private final Spec spec;

  /**
   * An adaptive average pooling's hyperparameters by name: the output size; the type's vector
   * is {@link #typeVector()}.
   *
   * @param outputD the output's depth {@code OD}
   * @param outputH the output's height {@code OH}
   * @param outputW the output's width {@code OW}
   */
  public record Spec(long outputD, long outputH, long outputW) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public Spec {
      Pools.outputSizes("AdaptiveAvgPool3d", outputD, outputH, outputW);
    }

    /**
     * The type's vector, {@code [OD, OH, OW]}: what {@link AdaptiveAvgPool3d#forward} is checked
     * with.
     */
    public long[] typeVector() {
      return new long[] {outputD, outputH, outputW};
    }
  }

  /** The same size for every spatial dim, as {@code nn.AdaptiveAvgPool3d(size)}. */
  public @Shape({"size", "size", "size"}) AdaptiveAvgPool3d(@Dim long size) {
    this(size, size, size);
  }

  /**
   * As {@code nn.AdaptiveAvgPool3d((od, oh, ow))}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"od", "oh", "ow"}) AdaptiveAvgPool3d(@Dim long od, @Dim long oh, @Dim long ow) {
    this.spec = new Spec(od, oh, ow);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, OD, OH, OW]}.
   */
  @Override
  public @Shape({"N", "C", "OD", "OH", "OW"}) Tensor forward(
      @Shape({"OD", "OH", "OW"}) AdaptiveAvgPool3d this,
      @Shape({"N", "C", "D", "H", "W"}) Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.adaptiveAvgPool3d(input, spec.outputD, spec.outputH, spec.outputW);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code AdaptiveAvgPool3d(output_size=(3, 2, 1))}. */
  @Override
  public String toString() {
    return "AdaptiveAvgPool3d(output_size="
        + Checks.tuple(spec.outputD, spec.outputH, spec.outputW) + ")";
  }
}

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
 * nn.AdaptiveAvgPool2d}.
 *
 * <p>Type: {@code @Shape({"OH", "OW"}) AdaptiveAvgPool2d}, the output size; by name, {@link
 * Spec}.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]}.
 */
public final class AdaptiveAvgPool2d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD =
      Guard.forward(AdaptiveAvgPool2d.class, "input");

  private final Spec spec;

  /**
   * An adaptive average pooling's hyperparameters by name: the output size; the type's vector
   * is {@link #typeVector()}.
   *
   * @param outputH the output's height {@code OH}
   * @param outputW the output's width {@code OW}
   */
  public record Spec(long outputH, long outputW) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public Spec {
      Checks.positive("AdaptiveAvgPool2d", "output height", outputH);
      Checks.positive("AdaptiveAvgPool2d", "output width", outputW);
    }

    /**
     * The type's vector, {@code [OH, OW]}: what {@link AdaptiveAvgPool2d#forward} is checked
     * with.
     */
    public long[] typeVector() {
      return new long[] {outputH, outputW};
    }
  }

  /** A square output, as {@code nn.AdaptiveAvgPool2d(size)}. */
  public @Shape({"size", "size"}) AdaptiveAvgPool2d(@Dim long size) {
    this(size, size);
  }

  /**
   * As {@code nn.AdaptiveAvgPool2d((oh, ow))}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"oh", "ow"}) AdaptiveAvgPool2d(@Dim long oh, @Dim long ow) {
    this.spec = new Spec(oh, ow);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]}.
   */
  @Override
  public @Shape({"N", "C", "OH", "OW"}) Tensor forward(
      @Shape({"OH", "OW"}) AdaptiveAvgPool2d this, @Shape({"N", "C", "H", "W"}) Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.adaptiveAvgPool2d(input, spec.outputH, spec.outputW);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code AdaptiveAvgPool2d(output_size=(3, 2))}. */
  @Override
  public String toString() {
    return "AdaptiveAvgPool2d(output_size=" + Checks.pair(spec.outputH, spec.outputW) + ")";
  }
}

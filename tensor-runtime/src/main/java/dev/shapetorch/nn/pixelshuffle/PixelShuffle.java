package dev.shapetorch.nn.pixelshuffle;

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
 * PyTorch's {@code nn.PixelShuffle(upscale_factor)}: moves channels into space: each group of {@code r*r} channels becomes an {@code r x r} block of pixels ({@code F.pixelShuffle}).
 *
 * <p>Type: {@code @Shape({"upscaleFactor"}) PixelShuffle}, the factor, so that the checker knows it from a
 * constant constructor argument.
 *
 * <p>Shape: {@code [*b, C*r*r, H, W] -> [*b, C, H*r, W*r]} ({@link Rule#PIXEL_SHUFFLE_LAYER}).
 */
public final class PixelShuffle extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(PixelShuffle.class, "input");
  private final int upscaleFactor;

  /**
   * With factor {@code r = upscaleFactor}.
   *
   * @throws IllegalArgumentException if {@code upscaleFactor} is below 1
   */
  public @Shape({"upscaleFactor"}) PixelShuffle(@Dim int upscaleFactor) {
    if (upscaleFactor < 1) {
      throw new IllegalArgumentException("PixelShuffle: upscaleFactor must be >= 1, got " + upscaleFactor
          + "; pass a positive factor");
    }
    this.upscaleFactor = upscaleFactor;
  }

  /**
   * Applies {@code F.pixelShuffle(input, upscaleFactor)}.
   *
   * <p>Shape: {@code [*b, C*r*r, H, W] -> [*b, C, H*r, W*r]} ({@link Rule#PIXEL_SHUFFLE_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.split.size]} if the channel count does not divide by {@code r*r}, {@code
   *     [shape.rank]} if the input has fewer than 3 dims
   */
  @Override
  @ShapeRule(value = Rule.PIXEL_SHUFFLE_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(new long[] {upscaleFactor}, input);
    return F.pixelShuffle(input, upscaleFactor);
  }

  /** The factor {@code r}. */
  public int upscaleFactor() {
    return upscaleFactor;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code PixelShuffle(upscale_factor=2)}. */
  @Override
  public String toString() {
    return "PixelShuffle(upscale_factor=" + upscaleFactor + ")";
  }
}

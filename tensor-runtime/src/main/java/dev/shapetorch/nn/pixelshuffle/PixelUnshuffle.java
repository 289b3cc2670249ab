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
 * PyTorch's {@code nn.PixelUnshuffle(downscale_factor)}: moves space into channels: each {@code r x r} block of pixels becomes {@code r*r} channels, the inverse of {@link PixelShuffle} ({@code F.pixelUnshuffle}).
 *
 * <p>Type: {@code @Shape({"downscaleFactor"}) PixelUnshuffle}, the factor, so that the checker knows it from a
 * constant constructor argument.
 *
 * <p>Shape: {@code [*b, C, H*r, W*r] -> [*b, C*r*r, H, W]} ({@link Rule#PIXEL_UNSHUFFLE_LAYER}).
 */
public final class PixelUnshuffle extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(PixelUnshuffle.class, "input");
  private final int downscaleFactor;

  /**
   * With factor {@code r = downscaleFactor}.
   *
   * @throws IllegalArgumentException if {@code downscaleFactor} is below 1
   */
  public @Shape({"downscaleFactor"}) PixelUnshuffle(@Dim int downscaleFactor) {
    if (downscaleFactor < 1) {
      throw new IllegalArgumentException("PixelUnshuffle: downscaleFactor must be >= 1, got " + downscaleFactor
          + "; pass a positive factor");
    }
    this.downscaleFactor = downscaleFactor;
  }

  /**
   * Applies {@code F.pixelUnshuffle(input, downscaleFactor)}.
   *
   * <p>Shape: {@code [*b, C, H*r, W*r] -> [*b, C*r*r, H, W]} ({@link Rule#PIXEL_UNSHUFFLE_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.split.size]} if the height or width does not divide by {@code r}, {@code
   *     [shape.rank]} if the input has fewer than 3 dims
   */
  @Override
  @ShapeRule(value = Rule.PIXEL_UNSHUFFLE_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(new long[] {downscaleFactor}, input);
    return F.pixelUnshuffle(input, downscaleFactor);
  }

  /** The factor {@code r}. */
  public int downscaleFactor() {
    return downscaleFactor;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code PixelUnshuffle(downscale_factor=2)}. */
  @Override
  public String toString() {
    return "PixelUnshuffle(downscale_factor=" + downscaleFactor + ")";
  }
}

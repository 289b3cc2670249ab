package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.tensor.Tensor;

/**
 * Converts RGB to luma, as torchvision's {@code Grayscale}; see {@link TF#rgbToGrayscale}.
 *
 * <p>Shape: {@code [*, 3 or 1, H, W] -> [*, numOutputChannels, H, W]}.
 *
 * @param numOutputChannels 1, or 3 (the luma repeated)
 */
public record Grayscale(int numOutputChannels) implements Transform {
  private static final ForwardContract APPLY = Guard.method(Grayscale.class, "apply", "image");

  /**
   * Checks the channel count.
   *
   * @throws IllegalArgumentException if it is not 1 or 3
   */
  public @Shape({"numOutputChannels"}) Grayscale(@Dim int numOutputChannels) {
    if (numOutputChannels != 1 && numOutputChannels != 3) {
      throw new IllegalArgumentException(
          "Grayscale: numOutputChannels must be 1 or 3, got " + numOutputChannels);
    }
    this.numOutputChannels = numOutputChannels;
  }

  /** One output channel, torchvision's default. */
  public @Shape({"1"}) Grayscale() {
    this(1);
  }

  /**
   * The grey image: luma from RGB (ITU-R 601-2 weights), or a grey image as it is, repeated to
   * {@code numOutputChannels}.
   *
   * <p>Shape: {@code [*, 1 or 3, H, W] -> [*, numOutputChannels, H, W]} ({@link
   * Rule#IMAGE_GRAYSCALE}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} below rank 3, {@code
   *     [shape.image.channels]} for another channel count
   */
  @Override
  @ShapeRule(value = Rule.IMAGE_GRAYSCALE, args = {"this", "image"})
  public Tensor apply(Tensor image) {
    APPLY.check(new long[] {numOutputChannels}, Arguments.requireNonNull(image, "image"));
    return Images.as("Grayscale", "TF.",
        () -> TF.rgbToGrayscale(Images.channels(image, "Grayscale", 1, 3), numOutputChannels));
  }

  /** True: per pixel. */
  @Override
  public boolean batchable() {
    return true;
  }
}

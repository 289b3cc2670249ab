package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Converts RGB to luma, as torchvision's {@code Grayscale}; see {@link TF#rgbToGrayscale}.
 *
 * <p>Shape: {@code [*, 3 or 1, H, W] -> [*, numOutputChannels, H, W]}.
 *
 * @param numOutputChannels 1, or 3 (the luma repeated)
 */
public record Grayscale(int numOutputChannels) implements Transform {

  /**
   * Checks the channel count.
   *
   * @throws IllegalArgumentException if it is not 1 or 3
   */
  public Grayscale {
    if (numOutputChannels != 1 && numOutputChannels != 3) {
      throw new IllegalArgumentException(
          "Grayscale: numOutputChannels must be 1 or 3, got " + numOutputChannels);
    }
  }

  /** One output channel, torchvision's default. */
  public Grayscale() {
    this(1);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("Grayscale", "TF.",
        () -> TF.rgbToGrayscale(Images.channels(image, "Grayscale", 1, 3), numOutputChannels));
  }

  /** True: per pixel. */
  @Override
  public boolean batchable() {
    return true;
  }
}

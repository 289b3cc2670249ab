package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Converts to luma with probability {@code p}, keeping the channel count, as torchvision's
 * {@code RandomGrayscale}; the coin is drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 *
 * @param p the probability, in {@code [0, 1]}
 */
public record RandomGrayscale(double p) implements Transform {

  /**
   * Checks the probability.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomGrayscale {
    Images.probability(p, "RandomGrayscale");
  }

  /** Probability 0.1, torchvision's default. */
  public RandomGrayscale() {
    this(0.1);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomGrayscale", "TF.", () -> {
      Images.channels(image, "RandomGrayscale", 1, 3);
      return Draw.coin(p) ? TF.rgbToGrayscale(image, (int) image.size(-3)) : image;
    });
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Mirrors the image top to bottom with probability {@code p}, as torchvision's {@code
 * RandomVerticalFlip}; the coin is drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, H, W]} kept.
 *
 * @param p the probability of flipping, in {@code [0, 1]}
 */
public record RandomVerticalFlip(double p) implements Transform {

  /**
   * Checks the probability.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomVerticalFlip {
    Images.probability(p, "RandomVerticalFlip");
  }

  /** Flips half of the images, torchvision's default. */
  public RandomVerticalFlip() {
    this(0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomVerticalFlip", "TF.", () -> {
      Images.image(image, "RandomVerticalFlip");
      return Draw.coin(p) ? TF.vflip(image) : image.clone();
    });
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Inverts the colours with probability {@code p}, as torchvision's {@code RandomInvert}; see {@link TF#invert}. The coin is
 * drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 *
 * @param p the probability, in {@code [0, 1]}
 */
public record RandomInvert(double p) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomInvert {
    Images.probability(p, "RandomInvert");
  }

  /** Probability 0.5, torchvision's default. */
  public RandomInvert() {
    this(0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomInvert", "TF.", () -> {
      Images.channels(image, "RandomInvert", 1, 3);
      return Draw.coin(p) ? TF.invert(image) : image;
    });
  }
}

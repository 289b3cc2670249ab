package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Inverts the values at or above {@code threshold} with probability {@code p}, as torchvision's {@code RandomSolarize}; see {@link TF#solarize}. The coin is
 * drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 *
 * @param threshold the threshold (at most 1 for float images, 255 for uint8)
 * @param p the probability, in {@code [0, 1]}
 */
public record RandomSolarize(double threshold, double p) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomSolarize {
    Images.probability(p, "RandomSolarize");
  }

  /** Probability 0.5, torchvision's default. */
  public RandomSolarize(double threshold) {
    this(threshold, 0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomSolarize", "TF.", () -> {
      Images.channels(image, "RandomSolarize", 1, 3);
      return Draw.coin(p) ? TF.solarize(image, threshold) : image;
    });
  }
}

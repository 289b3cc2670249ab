package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Changes the sharpness by {@code sharpnessFactor} with probability {@code p}, as torchvision's {@code RandomAdjustSharpness}; see {@link TF#adjustSharpness}. The coin is
 * drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 *
 * @param sharpnessFactor 0 smooths, 1 keeps, 2 doubles the sharpness
 * @param p the probability, in {@code [0, 1]}
 */
public record RandomAdjustSharpness(double sharpnessFactor, double p) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   *     or the factor is negative
   */
  public RandomAdjustSharpness {
    if (!(sharpnessFactor >= 0)) {
      throw new IllegalArgumentException(
          "RandomAdjustSharpness: sharpnessFactor must be >= 0, got " + sharpnessFactor);
    }
    Images.probability(p, "RandomAdjustSharpness");
  }

  /** Probability 0.5, torchvision's default. */
  public RandomAdjustSharpness(double sharpnessFactor) {
    this(sharpnessFactor, 0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomAdjustSharpness", "TF.", () -> {
      Images.channels(image, "RandomAdjustSharpness", 1, 3);
      return Draw.coin(p) ? TF.adjustSharpness(image, sharpnessFactor) : image;
    });
  }
}

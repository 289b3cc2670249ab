package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Keeps the {@code bits} high bits with probability {@code p}, as torchvision's {@code RandomPosterize}; see {@link TF#posterize}. The coin is
 * drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 *
 * @param bits the bits kept, 0..8
 * @param p the probability, in {@code [0, 1]}
 */
public record RandomPosterize(int bits, double p) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   *     or {@code bits} outside 0..8
   */
  public RandomPosterize {
    if (bits < 0 || bits > 8) {
      throw new IllegalArgumentException("RandomPosterize: bits must be in 0..8, got " + bits);
    }
    Images.probability(p, "RandomPosterize");
  }

  /** Probability 0.5, torchvision's default. */
  public RandomPosterize(int bits) {
    this(bits, 0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomPosterize", "TF.", () -> {
      Images.channels(image, "RandomPosterize", 1, 3);
      return Draw.coin(p) ? TF.posterize(image, bits) : image;
    });
  }
}

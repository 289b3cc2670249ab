package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Equalizes the histogram (uint8 images) with probability {@code p}, as torchvision's {@code RandomEqualize}; see {@link TF#equalize}. The coin is
 * drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 *
 * @param p the probability, in {@code [0, 1]}
 */
public record RandomEqualize(double p) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomEqualize {
    Images.probability(p, "RandomEqualize");
  }

  /** Probability 0.5, torchvision's default. */
  public RandomEqualize() {
    this(0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomEqualize", "TF.", () -> {
      Images.channels(image, "RandomEqualize", 1, 3);
      return Draw.coin(p) ? TF.equalize(image) : image;
    });
  }
}

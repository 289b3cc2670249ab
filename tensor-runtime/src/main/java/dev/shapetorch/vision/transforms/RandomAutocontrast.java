package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Stretches each channel to the full range with probability {@code p}, as torchvision's {@code RandomAutocontrast}; see {@link TF#autocontrast}. The coin is
 * drawn from {@link dev.shapetorch.data.SampleRandom}.
 *
 * <p>Shape: {@code [*, 1 or 3, H, W]} kept.
 *
 * @param p the probability, in {@code [0, 1]}
 */
public record RandomAutocontrast(double p) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomAutocontrast {
    Images.probability(p, "RandomAutocontrast");
  }

  /** Probability 0.5, torchvision's default. */
  public RandomAutocontrast() {
    this(0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("RandomAutocontrast", "TF.", () -> {
      Images.channels(image, "RandomAutocontrast", 1, 3);
      return Draw.coin(p) ? TF.autocontrast(image) : image;
    });
  }
}

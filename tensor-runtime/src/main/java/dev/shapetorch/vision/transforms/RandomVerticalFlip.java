package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
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
  private static final ForwardContract APPLY = Guard.method(RandomVerticalFlip.class, "apply", "image");

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

  /**
   * The image, mirrored with probability {@code p}, else a copy.
   *
   * <p>Shape: {@code [..., H, W]} kept ({@link Rule#IMAGE_KEEP}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} below rank 2
   */
  @Override
  @ShapeRule(value = Rule.IMAGE_KEEP, args = "image")
  public Tensor apply(Tensor image) {
    APPLY.check(Arguments.requireNonNull(image, "image"));
    return Images.as("RandomVerticalFlip", "TF.", () -> {
      return Draw.coin(p) ? TF.vflip(image) : image.clone();
    });
  }
}

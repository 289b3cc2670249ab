package dev.shapetorch.vision.transforms;

import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Mirrors the image left to right with probability {@code p}, as torchvision's {@code
 * RandomHorizontalFlip}; the coin is drawn from {@link SampleRandom}.
 *
 * <p>Shape: {@code [*, H, W]} kept.
 *
 * @param p the probability of flipping, in {@code [0, 1]}
 */
public record RandomHorizontalFlip(double p) implements Transform {
  private static final ForwardContract APPLY = Guard.method(RandomHorizontalFlip.class, "apply", "image");

  /**
   * Checks the probability.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomHorizontalFlip {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "RandomHorizontalFlip: p must be a probability in [0, 1], got " + p);
    }
  }

  /** Flips half of the images, torchvision's default. */
  public RandomHorizontalFlip() {
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
    if (SampleRandom.current().nextDouble() < p) {
      return flip(image);
    }
    return image.clone();
  }

  /** The image mirrored along its last dimension. */
  static Tensor flip(Tensor image) {
    long w = image.size(-1);
    return image.indexSelect(-1, Torch.arange(w - 1, -1, -1));
  }
}

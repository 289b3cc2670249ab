package dev.shapetorch.vision.transforms;

import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.List;

/**
 * Applies all {@code transforms} in order with probability {@code p}, else none, as
 * torchvision's {@code RandomApply}; the coin is drawn from {@link SampleRandom}.
 *
 * <p>Shape: that of the transforms, or kept.
 *
 * @param transforms the transforms, first applied first
 * @param p the probability of applying them, in {@code [0, 1]}
 */
public record RandomApply(List<Transform> transforms, double p) implements Transform {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
   */
  public RandomApply {
    transforms = List.copyOf(Arguments.requireNonNullElements(transforms, "transforms"));
    Images.probability(p, "RandomApply");
  }

  /** Applies them half of the time, torchvision's default. */
  public RandomApply(List<Transform> transforms) {
    this(transforms, 0.5);
  }

  @Override
  public Tensor apply(Tensor image) {
    Arguments.requireNonNull(image, "image");
    if (p < SampleRandom.current().nextDouble()) {
      return image;
    }
    Tensor x = image;
    for (Transform t : transforms) {
      x = t.apply(x);
    }
    return x;
  }
}

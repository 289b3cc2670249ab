package dev.shapetorch.vision.transforms;

import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.List;

/**
 * Applies one of {@code transforms}, picked uniformly from {@link SampleRandom}, as
 * torchvision's {@code RandomChoice} without weights.
 *
 * <p>Shape: that of the transform picked.
 *
 * @param transforms the transforms to pick from, at least one
 */
public record RandomChoice(List<Transform> transforms) implements Transform {

  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException if it is empty
   */
  public RandomChoice {
    transforms = List.copyOf(Arguments.requireNonNullElements(transforms, "transforms"));
    if (transforms.isEmpty()) {
      throw new IllegalArgumentException("RandomChoice: give at least one transform");
    }
  }

  @Override
  public Tensor apply(Tensor image) {
    return transforms.get(SampleRandom.current().nextInt(transforms.size()))
        .apply(Arguments.requireNonNull(image, "image"));
  }
}

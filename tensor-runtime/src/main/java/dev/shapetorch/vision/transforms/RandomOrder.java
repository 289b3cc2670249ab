package dev.shapetorch.vision.transforms;

import dev.shapetorch.data.SampleRandom;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.List;

/**
 * Applies all {@code transforms} in an order shuffled from {@link SampleRandom} on each call,
 * as torchvision's {@code RandomOrder}.
 *
 * <p>Shape: that of the transforms applied in the drawn order.
 *
 * @param transforms the transforms
 */
public record RandomOrder(List<Transform> transforms) implements Transform {

  /** Copies the list. */
  public RandomOrder {
    transforms = List.copyOf(Arguments.requireNonNullElements(transforms, "transforms"));
  }

  @Override
  public Tensor apply(Tensor image) {
    Tensor x = Arguments.requireNonNull(image, "image");
    for (int i : Draw.permutation(transforms.size())) {
      x = transforms.get(i).apply(x);
    }
    return x;
  }
}

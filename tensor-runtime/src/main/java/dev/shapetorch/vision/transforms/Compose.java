package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Transforms applied in order, as torchvision's {@code Compose}.
 *
 * <pre>{@code
 * Transform t = Compose.of(new RandomCrop(32, 4), new RandomHorizontalFlip(), new ToTensor());
 * }</pre>
 *
 * <p>Shape: that of the last transform applied to the previous one's result.
 *
 * @param transforms the transforms, first applied first
 */
public record Compose(List<Transform> transforms) implements Transform {

  /** Copies the list. */
  public Compose {
    transforms = List.copyOf(Arguments.requireNonNullElements(transforms, "transforms"));
  }

  /** The composition of these transforms. */
  public static Compose of(Transform... transforms) {
    return new Compose(Arrays.asList(Arguments.requireNonNull(transforms, "transforms")));
  }

  @Override
  public Tensor apply(Tensor image) {
    Tensor x = Arguments.requireNonNull(image, "image");
    for (Transform t : transforms) {
      x = t.apply(x);
    }
    return x;
  }

  /** True if every transform is batchable. */
  @Override
  public boolean batchable() {
    for (Transform t : transforms) {
      if (!t.batchable()) {
        return false;
      }
    }
    return true;
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;
import java.util.List;

/**
 * A function from an image tensor to an image tensor: torchvision's transforms, over tensors
 * {@code [C, H, W]} (the vision datasets yield uint8 images of that layout).
 *
 * <pre>{@code
 * Transform t = Compose.of(new ToTensor(), new Normalize(new double[] {0.2860}, new double[] {0.3530}));
 * Tensor x = t.apply(image);    // uint8 [1, 28, 28] -> float32 [1, 28, 28]
 * }</pre>
 *
 * <p>A transform that gives the same result whether it is applied to each image or to a batch
 * {@code [B, C, H, W]} at once says so with {@link #batchable()}; datasets then transform whole
 * batches in one call. Random transforms draw from {@link dev.shapetorch.data.SampleRandom} and
 * are not batchable.
 *
 * <p>Shape: each transform documents its own.
 */
@FunctionalInterface
public interface Transform {

  /**
   * The transformed image. Returns a new tensor, or a view; never changes {@code image}.
   *
   * @throws IllegalArgumentException (or a {@code ShapeException}) if the image does not fit
   */
  Tensor apply(Tensor image);

  /**
   * True if {@link #apply} may be given a batch {@code [B, C, H, W]} and then equals applying it
   * to each image and stacking. False by default.
   */
  default boolean batchable() {
    return false;
  }

  /** This transform, then {@code next}: {@code Compose.of(this, next)}. */
  default Transform andThen(Transform next) {
    return new Compose(List.of(this, next));
  }
}

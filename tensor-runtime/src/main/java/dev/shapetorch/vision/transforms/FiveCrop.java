package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * The four corner crops and the central crop, as torchvision's {@code FiveCrop}; where
 * torchvision returns a tuple of 5 images, this returns them stacked along a new first dimension,
 * in its order: top-left, top-right, bottom-left, bottom-right, centre. See {@link TF#fiveCrop}.
 *
 * <p>Shape: {@code [C, H, W] -> [5, C, height, width]}.
 *
 * @param height the crops' height
 * @param width the crops' width
 */
public record FiveCrop(int height, int width) implements Transform {

  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public FiveCrop {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "FiveCrop: sizes must be positive, got " + height + "x" + width);
    }
  }

  /** Square crops. */
  public FiveCrop(int size) {
    this(size, size);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("FiveCrop", "TF.",
        () -> TF.fiveCrop(Images.image(image, "FiveCrop"), height, width));
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * {@link FiveCrop} of the image and of its mirror (left-right, or top-bottom if {@code
 * verticalFlip}), as torchvision's {@code TenCrop}; the 10 crops are stacked along a new first
 * dimension (torchvision returns a tuple). See {@link TF#tenCrop}.
 *
 * <p>Shape: {@code [C, H, W] -> [10, C, height, width]}.
 *
 * @param height the crops' height
 * @param width the crops' width
 * @param verticalFlip mirror top to bottom instead of left to right
 */
public record TenCrop(int height, int width, boolean verticalFlip) implements Transform {

  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public TenCrop {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "TenCrop: sizes must be positive, got " + height + "x" + width);
    }
  }

  /** Square crops, horizontal mirror. */
  public TenCrop(int size) {
    this(size, size, false);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("TenCrop", "TF.",
        () -> TF.tenCrop(Images.image(image, "TenCrop"), height, width, verticalFlip));
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.tensor.Tensor;

/**
 * Crops the central {@code height x width} window, as torchvision's {@code CenterCrop}; an image
 * smaller than that is padded with zeros first. See {@link TF#centerCrop}.
 *
 * <p>Shape: {@code [*, H, W] -> [*, height, width]}.
 *
 * @param height the crop's height
 * @param width the crop's width
 */
public record CenterCrop(int height, int width) implements Transform {

  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public CenterCrop {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "CenterCrop: sizes must be positive, got " + height + "x" + width);
    }
  }

  /** A square crop. */
  public CenterCrop(int size) {
    this(size, size);
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("CenterCrop", "TF.",
        () -> TF.centerCrop(Images.image(image, "CenterCrop"), height, width));
  }

  /** True: every image of a batch is cropped at the same place. */
  @Override
  public boolean batchable() {
    return true;
  }
}

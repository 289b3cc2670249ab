package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;

/**
 * Converts the image to {@code dtype}, rescaling the values (uint8 0..255 to float 0..1 and
 * back), as torchvision's {@code ConvertImageDtype}; see {@link TF#convertImageDtype}.
 *
 * <p>Shape: kept.
 *
 * @param dtype the target dtype
 */
public record ConvertImageDtype(DType dtype) implements Transform {

  /** Checks the dtype. */
  public ConvertImageDtype {
    Arguments.requireNonNull(dtype, "dtype");
  }

  @Override
  public Tensor apply(Tensor image) {
    return Images.as("ConvertImageDtype", "TF.",
        () -> TF.convertImageDtype(image, dtype));
  }

  /** True: elementwise. */
  @Override
  public boolean batchable() {
    return true;
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * Resizes images to {@code height x width} by bilinear interpolation (corners not aligned, no
 * antialiasing), as torchvision's {@code Resize((h, w))} on tensors with {@code
 * antialias=False}. uint8 images are interpolated in float32, then rounded and clamped back to
 * uint8, as torchvision does.
 *
 * <p>Shape: {@code [C, H, W] -> [C, height, width]}, {@code [B, C, H, W] -> [B, C, height,
 * width]}.
 *
 * @param height the new height
 * @param width the new width
 */
public record Resize(int height, int width) implements Transform {

  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public Resize {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "Resize: sizes must be positive, got " + height + "x" + width);
    }
  }

  /** A square resize. */
  public Resize(int size) {
    this(size, size);
  }

  @Override
  public Tensor apply(Tensor image) {
    if (Arguments.requireNonNull(image, "image").dim() != 3 && image.dim() != 4) {
      throw new IllegalArgumentException(
          "Resize: expects an image [C, H, W] or a batch [B, C, H, W], got shape "
              + Arrays.toString(image.shape()));
    }
    boolean single = image.dim() == 3;
    Tensor x = single ? image.unsqueeze(0) : image;
    DType dtype = x.dtype();
    if (!dtype.isFloatingPoint()) {
      x = x.to(DType.FLOAT32);
    }
    Tensor y = F.interpolate(x, new long[] {height, width}, InterpolationMode.BILINEAR, false);
    if (dtype == DType.UINT8) {
      y = y.round().clamp(0, 255).to(DType.UINT8);
    } else if (!dtype.isFloatingPoint()) {
      y = y.round().to(dtype);
    }
    return single ? y.squeeze(0) : y;
  }

  /** True: each image is resized independently. */
  @Override
  public boolean batchable() {
    return true;
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;

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
  private static final ForwardContract APPLY = Guard.method(Resize.class, "apply", "image");

  /**
   * Checks the sizes. Type: {@code @Shape({"height", "width"}) Resize}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"height", "width"}) Resize(@Dim int height, @Dim int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "Resize: sizes must be positive, got " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
  }

  /** A square resize. Type: {@code @Shape({"size", "size"}) Resize}. */
  public @Shape({"size", "size"}) Resize(@Dim int size) {
    this(size, size);
  }

  /**
   * The resized image.
   *
   * <p>Shape: {@code [C, H, W] -> [C, height, width]}, {@code [B, C, H, W] -> [B, C, height,
   * width]} ({@link Rule#IMAGE_RESIZE}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for another rank
   */
  @Override
  @ShapeRule(value = Rule.IMAGE_RESIZE, args = {"this", "image"})
  public Tensor apply(Tensor image) {
    APPLY.check(new long[] {height, width}, Arguments.requireNonNull(image, "image"));
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

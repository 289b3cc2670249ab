package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
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
  private static final ForwardContract APPLY = Guard.method(CenterCrop.class, "apply", "image");

  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"height", "width"}) CenterCrop(@Dim int height, @Dim int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "CenterCrop: sizes must be positive, got " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
  }

  /** A square crop. Type: {@code @Shape({"size", "size"}) CenterCrop}. */
  public @Shape({"size", "size"}) CenterCrop(@Dim int size) {
    this(size, size);
  }

  /**
   * The central crop, zero-padded first where the image is smaller.
   *
   * <p>Shape: {@code [*, H, W] -> [*, height, width]} ({@link Rule#IMAGE_CROP}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} below rank 2
   */
  @Override
  @ShapeRule(value = Rule.IMAGE_CROP, args = {"this", "image"})
  public Tensor apply(Tensor image) {
    APPLY.check(new long[] {height, width}, Arguments.requireNonNull(image, "image"));
    return Images.as("CenterCrop", "TF.",
        () -> TF.centerCrop(Images.image(image, "CenterCrop"), height, width));
  }

  /** True: every image of a batch is cropped at the same place. */
  @Override
  public boolean batchable() {
    return true;
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;

/**
 * Converts an image to float32 in {@code [0, 1]}: uint8 values are divided by 255, other dtypes
 * are converted unscaled. A 2-d image {@code [H, W]} gets a channel dimension. This is
 * torchvision's {@code ToTensor} for images that are already tensors in {@code [C, H, W]}
 * layout (torchvision's {@code v2.ToDtype(torch.float32, scale=True)}); there is no
 * channel-last conversion, since ShapeTorch's datasets yield channel-first images.
 *
 * <p>Shape: {@code [H, W] -> [1, H, W]}; {@code [*batch, C, H, W]} is kept.
 */
public record ToTensor() implements Transform {
  private static final ForwardContract APPLY = Guard.method(ToTensor.class, "apply", "image");

  /**
   * The image as float32 in {@code [0, 1]}.
   *
   * <p>Shape: {@code [H, W] -> [1, H, W]}; rank 3 and more kept ({@link Rule#IMAGE_TO_TENSOR}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for a 0-d or 1-d tensor
   */
  @Override
  @ShapeRule(value = Rule.IMAGE_TO_TENSOR, args = "image")
  public Tensor apply(Tensor image) {
    APPLY.check(Arguments.requireNonNull(image, "image"));
    Tensor x = image.dim() == 2 ? image.unsqueeze(0) : image;
    if (x.dtype() == DType.UINT8) {
      return x.to(DType.FLOAT32).div_(255.0); // the conversion made a new tensor: divide it in place
    }
    return x.dtype() == DType.FLOAT32 ? x.clone() : x.to(DType.FLOAT32);
  }

  /** True: the conversion is elementwise. */
  @Override
  public boolean batchable() {
    return true;
  }
}

package dev.shapetorch.nn.functional;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.PadMode;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The padding and resizing of {@link F} that are no {@code Torch} op under the same
 * parameters: {@code pad(input, pad...)} (zeros), {@code interpolate} (PyTorch's one entry to
 * {@code Torch.upsampleNearest2d} and {@code Torch.upsampleBilinear2d}). {@code F.pad(input,
 * pad, mode, value)} is the functional form of {@code Torch.pad}.
 *
 * <p>Shape: {@code pad} grows the last dims; {@code interpolate} keeps batch and channels of a
 * {@code [N, C, H, W]} input and sets {@code H} and {@code W}.
 */
final class ResamplingFunctions {

  private ResamplingFunctions() {}

  /**
   * Pads with zeros, as {@code F.pad(input, pad)}: {@code pad} lists (before, after) pairs from
   * the last dim backwards ({@code {left, right, top, bottom}}).
   *
   * <p>Shape: each padded dim grows by its two pads.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.PAD, args = {"input", "pad"})
  public static Tensor pad(Tensor input, long... pad) {
    return Torch.pad(input, pad, PadMode.CONSTANT, 0.0);
  }

  /**
   * Resizes the two spatial dims to {@code size}, as {@code F.interpolate(input, size, mode)}
   * (bilinear without aligned corners).
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "size"})
  public static Tensor interpolate(Tensor input, long[] size, InterpolationMode mode) {
    return interpolate(input, size, mode, false);
  }

  /**
   * Resizes the two spatial dims to {@code size}, as {@code F.interpolate(input, size, mode,
   * align_corners)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}.
   *
   * @param alignCorners for {@link InterpolationMode#BILINEAR} only
   * @throws IllegalArgumentException if {@code size} does not have two sizes, or if {@code
   *     alignCorners} is set for nearest
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "size"})
  public static Tensor interpolate(
      Tensor input, long[] size, InterpolationMode mode, boolean alignCorners) {
    return sized("F.interpolate", input, size, mode, alignCorners);
  }

  /**
   * Scales the two spatial dims by {@code scaleFactor}, as {@code F.interpolate(input,
   * scale_factor=s, mode=...)}: each size becomes {@code floor(size * scaleFactor)}, and the
   * kernel maps pixels with the given factor, as PyTorch does.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, floor(H * s), floor(W * s)]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static Tensor interpolate(
      Tensor input, double scaleFactor, InterpolationMode mode, boolean alignCorners) {
    return scaled("F.interpolate", input, scaleFactor, mode, alignCorners);
  }

  /**
   * PyTorch's deprecated alias of {@link #interpolate(Tensor, long[], InterpolationMode,
   * boolean)}, as {@code F.upsample(input, size, mode, align_corners)}; prefer {@code
   * F.interpolate}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "size"})
  public static Tensor upsample(
      Tensor input, long[] size, InterpolationMode mode, boolean alignCorners) {
    return sized("F.upsample", input, size, mode, alignCorners);
  }

  /**
   * {@link #upsample(Tensor, long[], InterpolationMode, boolean)} nearest, PyTorch's default
   * mode ({@code F.upsample(input, size)}).
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "size"})
  public static Tensor upsample(Tensor input, long[] size) {
    return sized("F.upsample", input, size, InterpolationMode.NEAREST, false);
  }

  /**
   * PyTorch's deprecated alias of {@link #interpolate(Tensor, double, InterpolationMode,
   * boolean)}, as {@code F.upsample(input, scale_factor=s, mode, align_corners)}; prefer {@code
   * F.interpolate}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, floor(H * s), floor(W * s)]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static Tensor upsample(
      Tensor input, double scaleFactor, InterpolationMode mode, boolean alignCorners) {
    return scaled("F.upsample", input, scaleFactor, mode, alignCorners);
  }

  /**
   * {@link #upsample(Tensor, double, InterpolationMode, boolean)} nearest, PyTorch's default
   * mode ({@code F.upsample(input, scale_factor=s)}).
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, floor(H * s), floor(W * s)]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static Tensor upsample(Tensor input, double scaleFactor) {
    return scaled("F.upsample", input, scaleFactor, InterpolationMode.NEAREST, false);
  }

  /**
   * PyTorch's deprecated {@code F.upsample_nearest(input, size)}: {@code F.interpolate} nearest.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "size"})
  public static Tensor upsampleNearest(Tensor input, long[] size) {
    return sized("F.upsampleNearest", input, size, InterpolationMode.NEAREST, false);
  }

  /**
   * PyTorch's deprecated {@code F.upsample_nearest(input, scale_factor=s)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, floor(H * s), floor(W * s)]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static Tensor upsampleNearest(Tensor input, double scaleFactor) {
    return scaled("F.upsampleNearest", input, scaleFactor, InterpolationMode.NEAREST, false);
  }

  /**
   * PyTorch's deprecated {@code F.upsample_bilinear(input, size)}: {@code F.interpolate}
   * bilinear with aligned corners.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, size[0], size[1]]}.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "size"})
  public static Tensor upsampleBilinear(Tensor input, long[] size) {
    return sized("F.upsampleBilinear", input, size, InterpolationMode.BILINEAR, true);
  }

  /**
   * PyTorch's deprecated {@code F.upsample_bilinear(input, scale_factor=s)}: bilinear with
   * aligned corners.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, floor(H * s), floor(W * s)]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static Tensor upsampleBilinear(Tensor input, double scaleFactor) {
    return scaled("F.upsampleBilinear", input, scaleFactor, InterpolationMode.BILINEAR, true);
  }

  private static Tensor sized(
      String op, Tensor input, long[] size, InterpolationMode mode, boolean alignCorners) {
    if (Arguments.requireNonNull(size, "size").length != 2) {
      throw new IllegalArgumentException(
          op + ": size must give the two spatial sizes, got " + size.length);
    }
    return resize(op, input, size, mode, alignCorners, 0, 0);
  }

  private static Tensor scaled(String op, Tensor input, double scaleFactor,
      InterpolationMode mode, boolean alignCorners) {
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException(
          op + ": scaleFactor must be positive, got " + scaleFactor);
    }
    if (Arguments.requireNonNull(input, "input").dim() != 4) {
      throw new IllegalArgumentException(
          op + ": expected a 4-D input [N, C, H, W], got " + input.shapeOf());
    }
    long[] size = {
      (long) Math.floor(input.size(2) * scaleFactor), (long) Math.floor(input.size(3) * scaleFactor)
    };
    return resize(op, input, size, mode, alignCorners, scaleFactor, scaleFactor);
  }

  private static Tensor resize(String op,
      Tensor input, long[] size, InterpolationMode mode, boolean alignCorners, double scaleH,
      double scaleW) {
    Arguments.requireNonNull(mode, "mode");
    try {
      if (mode == InterpolationMode.NEAREST) {
        if (alignCorners) {
          throw new IllegalArgumentException(
              op + ": alignCorners only applies to bilinear interpolation");
        }
        return Torch.upsampleNearest2d(input, size, scaleH, scaleW);
      }
      return Torch.upsampleBilinear2d(input, size, alignCorners, scaleH, scaleW);
    } catch (ShapeException e) {
      throw Renamed.as(op, e);
    }
  }
}

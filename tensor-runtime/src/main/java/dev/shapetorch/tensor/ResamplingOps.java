package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.Variant;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Padding and resizing: {@code pad}, {@code upsampleNearest2d} and {@code upsampleBilinear2d}
 * (the kernels behind {@code F.pad} and {@code F.interpolate}). Part of the {@link Torch}
 * chain.
 *
 * <p>Shape: padding grows the last dims by the pads given for them ({@link Rule#PAD});
 * upsampling keeps batch and channels and sets the two spatial sizes ({@link
 * Rule#INTERPOLATE}).
 */
final class ResamplingOps {

  private ResamplingOps() {}

  /**
   * Pads the last dims, as {@code F.pad(input, pad, mode, value)}: {@code pad} lists (before,
   * after) pairs starting from the last dim ({@code {left, right, top, bottom}} for an image).
   * Negative pads crop.
   *
   * <p>Shape: {@code [..., H, W] -> [..., H + top + bottom, W + left + right]} (for four pads).
   *
   * @param value the fill value, for {@link PadMode#CONSTANT} only
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.PAD, args = {"input", "pad"})
  static Tensor pad(Tensor input, long[] pad, PadMode mode, double value) {
    String op = "Torch.pad";
    try (DoubleOptional v = mode == PadMode.CONSTANT ? new DoubleOptional(value)
        : new DoubleOptional()) {
      return Tensor.wrap(torch.pad(input.h(), pad, mode.pytorchName(), v));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * Nearest-neighbour resizing of the two last dims, as {@code F.interpolate(mode="nearest")}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, outputSize[0], outputSize[1]]}.
   *
   * @param scaleH the scale used to map output rows to input rows, or 0 to derive it from the
   *     sizes (PyTorch passes the user's scale factor when one was given)
   * @param scaleW likewise for columns
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "outputSize"})
  static Tensor upsampleNearest2d(
      Tensor input, long[] outputSize, double scaleH, double scaleW) {
    String op = "Torch.upsampleNearest2d";
    spatial2d(op, input, outputSize);
    try (DoubleOptional sh = scale(scaleH);
        DoubleOptional sw = scale(scaleW)) {
      return Tensor.wrap(torch.upsample_nearest2d(input.h(), outputSize, sh, sw));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * Bilinear resizing of the two last dims, as {@code F.interpolate(mode="bilinear")}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, outputSize[0], outputSize[1]]}.
   *
   * @param alignCorners whether the corner pixels of input and output are aligned
   * @param scaleH as in {@link #upsampleNearest2d}
   * @param scaleW as in {@link #upsampleNearest2d}
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.INTERPOLATE, args = {"input", "outputSize"})
  static Tensor upsampleBilinear2d(
      Tensor input, long[] outputSize, boolean alignCorners, double scaleH, double scaleW) {
    String op = "Torch.upsampleBilinear2d";
    spatial2d(op, input, outputSize);
    try (DoubleOptional sh = scale(scaleH);
        DoubleOptional sw = scale(scaleW)) {
      return Tensor.wrap(torch.upsample_bilinear2d(input.h(), outputSize, alignCorners, sh, sw));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * Moves channels into space, as {@code torch.pixel_shuffle(input, upscale_factor)} and {@code
   * F.pixel_shuffle}: each group of {@code r*r} channels becomes an {@code r x r} block of
   * pixels (libtorch's kernel).
   *
   * <p>Shape: {@code [*b, C*r*r, H, W] -> [*b, C, H*r, W*r]}; the channel count must divide by
   * {@code r*r} ({@link Rule#PIXEL_SHUFFLE}).
   *
   * @param upscaleFactor {@code r}, at least 1
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.PIXEL_SHUFFLE, args = {"input", "upscaleFactor"})
  static Tensor pixelShuffle(Tensor input, int upscaleFactor) {
    return Natives.withLong("Torch.pixelShuffle", input, "input", upscaleFactor,
        torch::pixel_shuffle);
  }

  /**
   * Moves space into channels, the inverse of {@link #pixelShuffle}, as {@code
   * torch.pixel_unshuffle(input, downscale_factor)} and {@code F.pixel_unshuffle}: each {@code r
   * x r} block of pixels becomes {@code r*r} channels (libtorch's kernel).
   *
   * <p>Shape: {@code [*b, C, H*r, W*r] -> [*b, C*r*r, H, W]}; the height and width must divide
   * by {@code r} ({@link Rule#PIXEL_UNSHUFFLE}).
   *
   * @param downscaleFactor {@code r}, at least 1
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.PIXEL_UNSHUFFLE, args = {"input", "downscaleFactor"})
  static Tensor pixelUnshuffle(Tensor input, int downscaleFactor) {
    return Natives.withLong("Torch.pixelUnshuffle", input, "input", downscaleFactor,
        torch::pixel_unshuffle);
  }

  /**
   * What these 2-D kernels need beyond {@link Rule#INTERPOLATE} (which also takes 1-D and 3-D
   * inputs and one size for every spatial dim): a 4-D input and two output sizes.
   */
  private static void spatial2d(String op, Tensor input, long[] outputSize) {
    if (input.dim() != 4 || outputSize.length != 2) {
      throw new ShapeException(ShapeMismatch.of(MessageKeys.SPATIAL_PARAMS, op,
          "expected a 4-D input [N, C, H, W] and 2 output sizes, got " + input.shapeOf()
              + " and " + java.util.Arrays.toString(outputSize)));
    }
  }

  private static DoubleOptional scale(double s) {
    return s > 0 ? new DoubleOptional(s) : new DoubleOptional();
  }
}

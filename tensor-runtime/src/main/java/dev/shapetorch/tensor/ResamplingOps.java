package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Padding and resizing: {@code pad}, {@code upsampleNearest2d} and {@code upsampleBilinear2d}
 * (the kernels behind {@code F.pad} and {@code F.interpolate}). Part of the {@link Torch}
 * chain.
 *
 * <p>Shape: padding grows the last dims by the pads given for them; upsampling keeps batch and
 * channels and sets the two spatial sizes.
 */
public abstract class ResamplingOps extends PoolingOps {

  private static final NnSignature NEAREST =
      NnSignature.of(ResamplingOps.class, "upsampleNearest2d", "input");

  ResamplingOps() {}

  /**
   * Pads the last dims, as {@code F.pad(input, pad, mode, value)}: {@code pad} lists (before,
   * after) pairs starting from the last dim ({@code {left, right, top, bottom}} for an image).
   * Negative pads crop.
   *
   * <p>Shape: {@code [..., H, W] -> [..., H + top + bottom, W + left + right]} (for four pads).
   *
   * @param value the fill value, for {@link PadMode#CONSTANT} only
   */
  public static Tensor pad(Tensor input, long[] pad, PadMode mode, double value) {
    String op = "Torch.pad";
    if (pad.length % 2 != 0 || pad.length / 2 > input.dim()) {
      throw new IllegalArgumentException(op + ": pad must hold (before, after) pairs for at most "
          + input.dim() + " dims, got " + java.util.Arrays.toString(pad));
    }
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
  public static @Shape({"N", "C", "_", "_"}) Tensor upsampleNearest2d(
      @Shape({"N", "C", "H", "W"}) Tensor input, long[] outputSize, double scaleH, double scaleW) {
    String op = "Torch.upsampleNearest2d";
    NEAREST.check(op, input);
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
  public static @Shape({"N", "C", "_", "_"}) Tensor upsampleBilinear2d(
      @Shape({"N", "C", "H", "W"}) Tensor input, long[] outputSize, boolean alignCorners,
      double scaleH, double scaleW) {
    String op = "Torch.upsampleBilinear2d";
    NEAREST.check(op, input);
    try (DoubleOptional sh = scale(scaleH);
        DoubleOptional sw = scale(scaleW)) {
      return Tensor.wrap(torch.upsample_bilinear2d(input.h(), outputSize, alignCorners, sh, sw));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  private static DoubleOptional scale(double s) {
    return s > 0 ? new DoubleOptional(s) : new DoubleOptional();
  }
}

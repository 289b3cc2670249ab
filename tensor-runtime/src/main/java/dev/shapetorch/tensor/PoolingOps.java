package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.global.torch;

/**
 * Pooling: {@code maxPool1d}, {@code maxPool2d}, {@code maxPool3d}, {@code avgPool1d}, {@code
 * avgPool2d}, {@code avgPool3d}, {@code adaptiveAvgPool1d/2d/3d} and {@code
 * adaptiveMaxPool1d/2d/3d} (with their indices), as {@code torch.max_pool2d} and {@code
 * F.max_pool2d}; {@code maxPool3dWithIndices}; {@code
 * maxPool2dWithIndices} and its gradient {@code maxPool2dWithIndicesBackward}, as {@code
 * torch.max_pool2d_with_indices} and {@code torch.ops.aten.max_pool2d_with_indices_backward}. Part of the {@link
 * Torch} chain.
 *
 * <p>Shape: each spatial size {@code L} becomes {@code (L + 2*P - D*(K-1) - 1)/S + 1}, rounded
 * up instead of down in ceil mode (where a last window that would start in the right padding
 * is dropped, as in PyTorch); channels and batch are kept. Inputs may be batched or not ({@code
 * [N, C, H, W]} or {@code [C, H, W]}).
 */
final class PoolingOps {

  private PoolingOps() {}

  /**
   * The kernel writes each gradient at {@code plane + index} without a check of its own, so an
   * index outside {@code [0, H*W)} would write outside the gradient's memory: every index is
   * checked first.
   */
  private static void requireIndicesInPlane(String op, Tensor indices, Tensor input) {
    if (indices.dtype() != DType.INT64) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": indices must be int64 (as maxPool2dWithIndices"
          + " returns them), got " + indices.dtype());
    }
    long[] in = input.shape();
    long plane = in[in.length - 1] * in[in.length - 2];
    if (indices.numel() == 0) {
      return;
    }
    try (org.bytedeco.pytorch.Tensor lo = torch.min(indices.h());
        org.bytedeco.pytorch.Tensor hi = torch.max(indices.h())) {
      long min = lo.item_long();
      long max = hi.item_long();
      if (min < 0 || max >= plane) {
        throw new IllegalArgumentException(UserCall.attribute(op) + ": indices must lie in [0, " + plane
            + ") (positions in the input's " + in[in.length - 2] + "x" + in[in.length - 1]
            + " plane), got values from " + min + " to " + max
            + "; pass the indices maxPool2dWithIndices returned for this input");
      }
    }
  }

  /**
   * 1-D max pooling, as {@code F.max_pool1d}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, (L + 2*P - D*(K-1) - 1)/S + 1]} ({@link Rule#POOL1D}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.POOL1D)
  static Tensor maxPool1d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return Natives.call("Torch.maxPool1d",
        () -> torch.max_pool1d(input.h(), kernelSize, stride, padding, dilation, ceilMode), input);
  }

  /**
   * 2-D max pooling, as {@code F.max_pool2d}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']}, each side as the class says ({@link
   * Rule#POOL2D}).
   *
   * @param kernelSize {@code {KH, KW}}
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}, at most half the kernel
   * @param dilation {@code {DH, DW}}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.POOL2D)
  static Tensor maxPool2d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return Natives.call("Torch.maxPool2d",
        () -> torch.max_pool2d(input.h(), kernelSize, stride, padding, dilation, ceilMode), input);
  }

  /**
   * 2-D average pooling, as {@code F.avg_pool2d}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']}, each side as the class says with
   * dilation 1 ({@link Rule#POOL2D}).
   *
   * @param countIncludePad whether padded zeros count in the average's denominator
   * @param divisorOverride the denominator to use instead of the window's size, or 0 for none
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "1", "ceilMode"})
  static Tensor avgPool2d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad, long divisorOverride) {
    String op = "Torch.avgPool2d";
    try (LongOptional divisor =
        divisorOverride == 0 ? new LongOptional() : new LongOptional(divisorOverride)) {
      return Tensor.wrap(torch.avg_pool2d(input.h(), kernelSize, stride, padding, ceilMode,
          countIncludePad, divisor));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * Average pooling to a fixed output size, whatever the input's, as {@code
   * F.adaptive_avg_pool2d}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]} ({@link Rule#ADAPTIVE_POOL2D}).
   *
   * @param outputSize {@code {OH, OW}}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL2D)
  static Tensor adaptiveAvgPool2d(Tensor input, long... outputSize) {
    return Natives.withSizes(
        "Torch.adaptiveAvgPool2d", input, "input", outputSize, torch::adaptive_avg_pool2d);
  }

  /**
   * 2-D max pooling that also returns where each maximum was (flat indices into each {@code H
   * * W} plane), as {@code torch.max_pool2d_with_indices} and {@code F.max_pool2d(...,
   * return_indices=True)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']} for both values and indices, each side as
   * the class says ({@link Rule#POOL2D}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.POOL2D)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static ValuesAndIndices maxPool2dWithIndices(Tensor input, long[] kernelSize,
      long[] stride, long[] padding, long[] dilation, boolean ceilMode) {
    String op = "Torch.maxPool2dWithIndices";
    try (T_TensorTensor_T r = torch.max_pool2d_with_indices(input.h(), kernelSize, stride,
        padding, dilation, ceilMode)) {
      return new ValuesAndIndices(Natives.tupleElement(r.get0()), Natives.tupleElement(r.get1()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * The gradient of {@link #maxPool2dWithIndices} with respect to its input: each element of
   * {@code gradOutput} goes to where its maximum was, as {@code
   * torch.ops.aten.max_pool2d_with_indices_backward}.
   *
   * <p>Shape: {@code gradOutput} and {@code indices} have the pooled shape ({@link
   * Rule#POOL2D} of {@code input}); the result has {@code input}'s shape.
   *
   * @param indices the indices {@link #maxPool2dWithIndices} returned for {@code input}
   * @throws IllegalArgumentException if {@code gradOutput} or {@code indices} do not have the
   *     pooled shape
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "dilation", "ceilMode"})
  static @Shape({"*in"}) Tensor maxPool2dWithIndicesBackward(Tensor gradOutput,
      @Shape({"*in"}) Tensor input, long[] kernelSize, long[] stride, long[] padding,
      long[] dilation, boolean ceilMode, Tensor indices) {
    String op = "Torch.maxPool2dWithIndicesBackward";
    TensorShape out = BackwardShapes.maxPool2d(op, input, kernelSize, stride, padding, dilation,
        ceilMode);
    BackwardShapes.require(op, "gradOutput", gradOutput, out);
    BackwardShapes.require(op, "indices", indices, out);
    requireIndicesInPlane(op, indices, input);
    return Natives.call(op, () -> torch.max_pool2d_with_indices_backward(gradOutput.h(),
        input.h(), kernelSize, stride, padding, dilation, ceilMode, indices.h()),
        gradOutput, input, indices);
  }

  /**
   * 3-D max pooling, as {@code F.max_pool3d}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D', H', W']} (or unbatched {@code [C, D, H, W]}),
   * each side as the class says ({@link Rule#POOL3D}).
   *
   * @param kernelSize {@code {KD, KH, KW}}, or one size for all three
   * @param stride {@code {SD, SH, SW}}, one for all, or empty for the kernel size
   * @param padding {@code {PD, PH, PW}} or one for all, at most half the kernel
   * @param dilation {@code {DD, DH, DW}} or one for all
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.POOL3D)
  static Tensor maxPool3d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return Natives.call("Torch.maxPool3d",
        () -> torch.max_pool3d(input.h(), kernelSize, stride, padding, dilation, ceilMode), input);
  }

  /**
   * 3-D max pooling that also returns where each maximum was (int64 flat indices into each
   * {@code D * H * W} volume), as {@code torch.max_pool3d_with_indices} and {@code
   * F.max_pool3d(..., return_indices=True)}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D', H', W']} for both values and indices ({@link
   * Rule#POOL3D}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.POOL3D)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static ValuesAndIndices maxPool3dWithIndices(Tensor input, long[] kernelSize,
      long[] stride, long[] padding, long[] dilation, boolean ceilMode) {
    String op = "Torch.maxPool3dWithIndices";
    try (T_TensorTensor_T r = torch.max_pool3d_with_indices(input.h(), kernelSize, stride,
        padding, dilation, ceilMode)) {
      return new ValuesAndIndices(Natives.tupleElement(r.get0()), Natives.tupleElement(r.get1()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * 1-D average pooling, as {@code F.avg_pool1d}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, (L + 2*P - K + C*(S-1))/S + 1]} (or unbatched {@code
   * [C, L]}; {@link Rule#POOL1D} with dilation 1).
   *
   * @param countIncludePad whether padded zeros count in the average's denominator
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.POOL1D,
      args = {"input", "kernelSize", "stride", "padding", "1", "ceilMode"})
  static Tensor avgPool1d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad) {
    return Natives.call("Torch.avgPool1d", () -> torch.avg_pool1d(input.h(), kernelSize, stride,
        padding, ceilMode, countIncludePad), input);
  }

  /**
   * 3-D average pooling, as {@code F.avg_pool3d}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D', H', W']} (or unbatched), each side as the
   * class says with dilation 1 ({@link Rule#POOL3D}).
   *
   * @param countIncludePad whether padded zeros count in the average's denominator
   * @param divisorOverride the denominator to use instead of the window's size, or 0 for none
   * @throws IllegalArgumentException if {@code divisorOverride} is negative
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.POOL3D,
      args = {"input", "kernelSize", "stride", "padding", "1", "ceilMode"})
  static Tensor avgPool3d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad, long divisorOverride) {
    String op = "Torch.avgPool3d";
    requireDivisor(op, divisorOverride);
    try (LongOptional divisor =
        divisorOverride == 0 ? new LongOptional() : new LongOptional(divisorOverride)) {
      return Tensor.wrap(torch.avg_pool3d(input.h(), kernelSize, stride, padding, ceilMode,
          countIncludePad, divisor));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  private static void requireDivisor(String op, long divisorOverride) {
    if (divisorOverride < 0) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": divisorOverride must be"
          + " positive (or 0 for the window's size), got " + divisorOverride);
    }
  }

  /**
   * Average pooling to a fixed output length, whatever the input's, as {@code
   * F.adaptive_avg_pool1d}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, OL]} or {@code [C, L] -> [C, OL]} ({@link
   * Rule#ADAPTIVE_POOL1D}).
   *
   * @param outputSize {@code {OL}}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL1D)
  static Tensor adaptiveAvgPool1d(Tensor input, long... outputSize) {
    return Natives.withSizes(
        "Torch.adaptiveAvgPool1d", input, "input", outputSize, torch::adaptive_avg_pool1d);
  }

  /**
   * Average pooling to a fixed output size, whatever the input's, as {@code
   * F.adaptive_avg_pool3d}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, OD, OH, OW]} or unbatched ({@link
   * Rule#ADAPTIVE_POOL3D}).
   *
   * @param outputSize {@code {OD, OH, OW}}, or one size for all three
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL3D)
  static Tensor adaptiveAvgPool3d(Tensor input, long... outputSize) {
    return Natives.withSizes("Torch.adaptiveAvgPool3d", input, "input", perDim(outputSize, 3),
        torch::adaptive_avg_pool3d);
  }

  /**
   * Max pooling to a fixed output length, as {@code F.adaptive_max_pool1d}: the values.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, OL]} or {@code [C, L] -> [C, OL]} ({@link
   * Rule#ADAPTIVE_POOL1D}).
   *
   * @param outputSize {@code {OL}}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL1D)
  static Tensor adaptiveMaxPool1d(Tensor input, long... outputSize) {
    return adaptiveMax("Torch.adaptiveMaxPool1d", 1, input, outputSize).values();
  }

  /**
   * Max pooling to a fixed output length with where each maximum was (int64 indices along
   * {@code L}), as {@code torch.adaptive_max_pool1d} and {@code F.adaptive_max_pool1d(...,
   * return_indices=True)}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, OL]} for both ({@link Rule#ADAPTIVE_POOL1D}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL1D)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static ValuesAndIndices adaptiveMaxPool1dWithIndices(Tensor input, long... outputSize) {
    return adaptiveMax("Torch.adaptiveMaxPool1dWithIndices", 1, input, outputSize);
  }

  /**
   * Max pooling to a fixed output size, as {@code F.adaptive_max_pool2d}: the values.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]} or unbatched ({@link
   * Rule#ADAPTIVE_POOL2D}).
   *
   * @param outputSize {@code {OH, OW}}, or one size for both
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL2D)
  static Tensor adaptiveMaxPool2d(Tensor input, long... outputSize) {
    return adaptiveMax("Torch.adaptiveMaxPool2d", 2, input, outputSize).values();
  }

  /**
   * Max pooling to a fixed output size with where each maximum was (int64 flat indices into
   * each {@code H * W} plane), as {@code torch.adaptive_max_pool2d} and {@code
   * F.adaptive_max_pool2d(..., return_indices=True)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]} for both ({@link Rule#ADAPTIVE_POOL2D}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL2D)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static ValuesAndIndices adaptiveMaxPool2dWithIndices(Tensor input, long... outputSize) {
    return adaptiveMax("Torch.adaptiveMaxPool2dWithIndices", 2, input, outputSize);
  }

  /**
   * Max pooling to a fixed output size, as {@code F.adaptive_max_pool3d}: the values.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, OD, OH, OW]} or unbatched ({@link
   * Rule#ADAPTIVE_POOL3D}).
   *
   * @param outputSize {@code {OD, OH, OW}}, or one size for all three
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL3D)
  static Tensor adaptiveMaxPool3d(Tensor input, long... outputSize) {
    return adaptiveMax("Torch.adaptiveMaxPool3d", 3, input, outputSize).values();
  }

  /**
   * Max pooling to a fixed output size with where each maximum was (int64 flat indices into
   * each {@code D * H * W} volume), as {@code torch.adaptive_max_pool3d} and {@code
   * F.adaptive_max_pool3d(..., return_indices=True)}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, OD, OH, OW]} for both ({@link
   * Rule#ADAPTIVE_POOL3D}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(Rule.ADAPTIVE_POOL3D)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"input"})
  static ValuesAndIndices adaptiveMaxPool3dWithIndices(Tensor input, long... outputSize) {
    return adaptiveMax("Torch.adaptiveMaxPool3dWithIndices", 3, input, outputSize);
  }

  /** One output size per spatial dim: a single size is repeated, as PyTorch's Python layer does. */
  private static long[] perDim(long[] outputSize, int spatial) {
    if (outputSize.length != 1 || spatial == 1) {
      return outputSize;
    }
    long[] sizes = new long[spatial];
    java.util.Arrays.fill(sizes, outputSize[0]);
    return sizes;
  }

  /**
   * libtorch's adaptive max pooling; a single output size is repeated for every spatial dim, as
   * PyTorch's Python layer does, and an input with an empty spatial dim is refused (libtorch's
   * kernel would take the maximum of no element).
   */
  private static ValuesAndIndices adaptiveMax(
      String op, int spatial, Tensor input, long[] outputSize) {
    long[] s = perDim(outputSize, spatial);
    long[] in = input.shape();
    for (int i = in.length - spatial; i >= 0 && i < in.length; i++) {
      if (in[i] == 0) {
        throw new IllegalArgumentException(UserCall.attribute(op) + ": input "
            + java.util.Arrays.toString(in) + " has an empty spatial dim " + i
            + "; every window needs at least one element");
      }
    }
    try (T_TensorTensor_T r = spatial == 1 ? torch.adaptive_max_pool1d(input.h(), s)
        : spatial == 2 ? torch.adaptive_max_pool2d(input.h(), s)
        : torch.adaptive_max_pool3d(input.h(), s)) {
      return new ValuesAndIndices(Natives.tupleElement(r.get0()), Natives.tupleElement(r.get1()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }
}

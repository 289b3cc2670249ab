package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.ValuesAndIndices;

/**
 * Pooling of {@link F}: {@code maxPool1d}, {@code maxPool2d} (also {@code maxPool2dWithIndices},
 * PyTorch's {@code return_indices=True}), {@code avgPool2d}, {@code adaptiveAvgPool2d}. As in PyTorch, the stride defaults to the kernel size.
 *
 * <p>Shape: each spatial size {@code L} becomes {@code (L + 2*P - D*(K-1) - 1)/S + 1} (rounded
 * up in ceil mode); batch and channels are kept.
 */
public abstract class PoolingFunctions extends ConvFunctions {

  PoolingFunctions() {}

  /**
   * 1-D max pooling, as {@code F.max_pool1d(input, kernel_size, stride, padding, dilation,
   * ceil_mode)}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, (L + 2*P - D*(K-1) - 1)/S + 1]} ({@link Rule#POOL1D}).
   */
  @ShapeRule(Rule.POOL1D)
  public static Tensor maxPool1d(
      Tensor input, long kernelSize, long stride, long padding, long dilation, boolean ceilMode) {
    try {
      return Torch.maxPool1d(input, new long[] {kernelSize}, new long[] {stride},
          new long[] {padding}, new long[] {dilation}, ceilMode);
    } catch (ShapeException e) {
      throw Renamed.as("F.maxPool1d", e);
    }
  }

  /**
   * 1-D max pooling with stride = kernel, as {@code F.max_pool1d(input, kernel_size)}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, (L - K)/K + 1]}.
   */
  @ShapeRule(value = Rule.POOL1D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor maxPool1d(Tensor input, long kernelSize) {
    return maxPool1d(input, kernelSize, kernelSize, 0, 1, false);
  }

  /**
   * 2-D max pooling, as {@code F.max_pool2d(input, kernel_size, stride, padding, dilation,
   * ceil_mode)}.
   *
   * <p>Shape: as the class says ({@link Rule#POOL2D}).
   *
   * @param kernelSize {@code {KH, KW}}
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param dilation {@code {DH, DW}}
   */
  @ShapeRule(Rule.POOL2D)
  public static Tensor maxPool2d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    try {
      return Torch.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    } catch (ShapeException e) {
      throw Renamed.as("F.maxPool2d", e);
    }
  }

  /**
   * 2-D max pooling that also returns where each maximum was, as {@code F.max_pool2d(input,
   * kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)}.
   *
   * <p>Shape: values and indices both as the class says ({@link Rule#POOL2D}).
   *
   * @param kernelSize {@code {KH, KW}}
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param dilation {@code {DH, DW}}
   */
  @ShapeRule(Rule.POOL2D)
  public static ValuesAndIndices maxPool2dWithIndices(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    try {
      return Torch.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    } catch (ShapeException e) {
      throw Renamed.as("F.maxPool2dWithIndices", e);
    }
  }

  /**
   * 2-D max pooling with a square kernel, as {@code F.max_pool2d(input, k, stride, padding)}.
   *
   * <p>Shape: each side {@code L -> (L + 2*padding - k)/stride + 1}.
   */
  @ShapeRule(value = Rule.POOL2D, args = {"input", "kernelSize", "stride", "padding", "1", "false"})
  public static Tensor maxPool2d(Tensor input, long kernelSize, long stride, long padding) {
    return maxPool2d(input, new long[] {kernelSize, kernelSize}, new long[] {stride, stride},
        new long[] {padding, padding}, new long[] {1, 1}, false);
  }

  /**
   * 2-D max pooling with a square kernel and stride = kernel, as {@code F.max_pool2d(input,
   * k)}.
   *
   * <p>Shape: each side {@code L -> L / k} (rounded down).
   */
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor maxPool2d(Tensor input, long kernelSize) {
    return maxPool2d(input, kernelSize, kernelSize, 0);
  }

  /**
   * 2-D average pooling, as {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode,
   * count_include_pad, divisor_override)}.
   *
   * <p>Shape: as the class says with dilation 1 ({@link Rule#POOL2D}).
   *
   * @param divisorOverride the denominator instead of the window size, or 0 for none
   */
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "1", "ceilMode"})
  public static Tensor avgPool2d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad, long divisorOverride) {
    try {
      return Torch.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad,
          divisorOverride);
    } catch (ShapeException e) {
      throw Renamed.as("F.avgPool2d", e);
    }
  }

  /**
   * 2-D average pooling with a square kernel and stride = kernel, as {@code
   * F.avg_pool2d(input, k)}.
   *
   * <p>Shape: each side {@code L -> L / k} (rounded down).
   */
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor avgPool2d(Tensor input, long kernelSize) {
    long[] k = {kernelSize, kernelSize};
    return avgPool2d(input, k, k, new long[] {0, 0}, false, true, 0);
  }

  /**
   * Average pooling to a fixed output size, as {@code F.adaptive_avg_pool2d(input, (oh,
   * ow))}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]} ({@link Rule#ADAPTIVE_POOL2D}).
   *
   * @param outputSize {@code OH, OW}, or one size for both
   */
  @ShapeRule(Rule.ADAPTIVE_POOL2D)
  public static Tensor adaptiveAvgPool2d(Tensor input, long... outputSize) {
    try {
      return Torch.adaptiveAvgPool2d(input, outputSize);
    } catch (ShapeException e) {
      throw Renamed.as("F.adaptiveAvgPool2d", e);
    }
  }
}

package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The pooling functions of {@link F} that are no {@code Torch} op under the same parameters:
 * {@code maxPool1d} (one size per parameter), {@code maxPool2d} with a square kernel, {@code
 * avgPool2d(input, k)}, {@code maxPool3d(input, k)}, {@code avgPool1d(input, k)}, {@code
 * avgPool3d(input, k)}. As in PyTorch, the stride defaults to the kernel size. {@code
 * F.maxPool2d}, {@code F.maxPool2dWithIndices} and {@code F.avgPool2d} with every parameter and
 * {@code F.adaptiveAvgPool2d} are the functional forms of {@code Torch}'s ops. Each calls a
 * {@code Torch} op, which checks the shapes.
 *
 * <p>Shape: each spatial size {@code L} becomes {@code (L + 2*P - D*(K-1) - 1)/S + 1} (rounded
 * up in ceil mode); batch and channels are kept.
 */
final class PoolingFunctions {

  private PoolingFunctions() {}

  /**
   * 1-D max pooling, as {@code F.max_pool1d(input, kernel_size, stride, padding, dilation,
   * ceil_mode)}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, (L + 2*P - D*(K-1) - 1)/S + 1]} ({@link Rule#POOL1D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(Rule.POOL1D)
  public static Tensor maxPool1d(
      Tensor input, long kernelSize, long stride, long padding, long dilation, boolean ceilMode) {
    return Torch.maxPool1d(input, new long[] {kernelSize}, new long[] {stride},
        new long[] {padding}, new long[] {dilation}, ceilMode);
  }

  /**
   * 1-D max pooling with stride = kernel, as {@code F.max_pool1d(input, kernel_size)}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, (L - K)/K + 1]}.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL1D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor maxPool1d(Tensor input, long kernelSize) {
    return maxPool1d(input, kernelSize, kernelSize, 0, 1, false);
  }

  /**
   * 2-D max pooling with a square kernel, as {@code F.max_pool2d(input, k, stride, padding)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']}, each side {@code L -> (L + 2*padding -
   * k)/stride + 1} ({@link Rule#POOL2D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL2D, args = {"input", "kernelSize", "stride", "padding", "1", "false"})
  public static Tensor maxPool2d(Tensor input, long kernelSize, long stride, long padding) {
    return Torch.maxPool2d(input, new long[] {kernelSize, kernelSize},
        new long[] {stride, stride}, new long[] {padding, padding}, new long[] {1, 1}, false);
  }

  /**
   * 2-D max pooling with a square kernel and stride = kernel, as {@code F.max_pool2d(input,
   * k)}.
   *
   * <p>Shape: each side {@code L -> L / k} (rounded down).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor maxPool2d(Tensor input, long kernelSize) {
    return maxPool2d(input, kernelSize, kernelSize, 0);
  }

  /**
   * 2-D average pooling with a square kernel and stride = kernel, as {@code
   * F.avg_pool2d(input, k)}.
   *
   * <p>Shape: each side {@code L -> L / k} (rounded down).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor avgPool2d(Tensor input, long kernelSize) {
    long[] k = {kernelSize, kernelSize};
    return Torch.avgPool2d(input, k, k, new long[] {0, 0}, false, true, 0);
  }
  /**
   * 2-D max pooling with a square kernel and stride, no padding, as {@code F.max_pool2d(input, k,
   * stride)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']}, each side {@code L -> (L - k)/stride + 1}
   * ({@link Rule#POOL2D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL2D, args = {"input", "kernelSize", "stride", "0", "1", "false"})
  public static Tensor maxPool2d(Tensor input, long kernelSize, long stride) {
    return maxPool2d(input, kernelSize, stride, 0);
  }

  /**
   * 2-D average pooling with a square kernel and stride, no padding, as {@code
   * F.avg_pool2d(input, k, stride)}.
   *
   * <p>Shape: each side {@code L -> (L - k)/stride + 1} ({@link Rule#POOL2D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL2D, args = {"input", "kernelSize", "stride", "0", "1", "false"})
  public static Tensor avgPool2d(Tensor input, long kernelSize, long stride) {
    return avgPool2d(input, kernelSize, stride, 0);
  }

  /**
   * 2-D average pooling with a square kernel, stride and padding (padded zeros counted), as
   * {@code F.avg_pool2d(input, k, stride, padding)}.
   *
   * <p>Shape: each side {@code L -> (L + 2*padding - k)/stride + 1} ({@link Rule#POOL2D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "1", "false"})
  public static Tensor avgPool2d(Tensor input, long kernelSize, long stride, long padding) {
    return Torch.avgPool2d(input, new long[] {kernelSize, kernelSize},
        new long[] {stride, stride}, new long[] {padding, padding}, false, true, 0);
  }

  /**
   * 3-D max pooling with a cubic kernel and stride = kernel, as {@code F.max_pool3d(input, k)}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D/k, H/k, W/k]} (rounded down; {@link
   * Rule#POOL3D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL3D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor maxPool3d(Tensor input, long kernelSize) {
    long[] k = {kernelSize, kernelSize, kernelSize};
    return Torch.maxPool3d(input, k, k, new long[] {0, 0, 0}, new long[] {1, 1, 1}, false);
  }

  /**
   * 1-D average pooling with stride = kernel, as {@code F.avg_pool1d(input, k)}.
   *
   * <p>Shape: {@code [N, C, L] -> [N, C, L/k]} (rounded down; {@link Rule#POOL1D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL1D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor avgPool1d(Tensor input, long kernelSize) {
    long[] k = {kernelSize};
    return Torch.avgPool1d(input, k, k, new long[] {0}, false, true);
  }

  /**
   * 3-D average pooling with a cubic kernel and stride = kernel, as {@code F.avg_pool3d(input,
   * k)}.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D/k, H/k, W/k]} (rounded down; {@link
   * Rule#POOL3D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.POOL3D,
      args = {"input", "kernelSize", "kernelSize", "0", "1", "false"})
  public static Tensor avgPool3d(Tensor input, long kernelSize) {
    long[] k = {kernelSize, kernelSize, kernelSize};
    return Torch.avgPool3d(input, k, k, new long[] {0, 0, 0}, false, true, 0);
  }
}

package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The convolutions of {@link F} with PyTorch's defaults ({@code bias=None, stride=1,
 * padding=0, dilation=1, groups=1}, and {@code output_padding=0} for the transposed one): {@code
 * conv1d(input, weight[, bias])}, {@code conv2d(input, weight[, bias[, stride[, padding]]])},
 * {@code convTranspose2d(input, weight[, bias])}, {@code conv3d(input, weight[, bias[,
 * stride, padding]])}, {@code convTranspose1d(input, weight[, bias])}, {@code
 * convTranspose3d(input, weight[, bias])}. The forms with every parameter ({@code
 * F.conv1d}, {@code F.conv2d}, {@code F.convTranspose2d}) are the functional forms of {@code
 * Torch}'s ops. Each calls the {@code Torch} op, which checks the shapes.
 *
 * <p>Shape: {@code conv2d} maps {@code [N, Cin, H, W]} with a weight {@code [Cout, Cin/groups,
 * KH, KW]} to {@code [N, Cout, (H + 2*PH - DH*(KH-1) - 1)/SH + 1, (W + 2*PW - DW*(KW-1) -
 * 1)/SW + 1]} ({@link Rule#CONV2D}); {@code conv1d} likewise over one dim; a bias is {@code
 * [Cout]}.
 */
final class ConvFunctions {

  private ConvFunctions() {}

  /**
   * A 1-D convolution with stride 1, no padding, as {@code F.conv1d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, L] -> [N, Cout, L - K + 1]} ({@link Rule#CONV1D}).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV1D, args = {"input", "weight", "1", "0", "1", "1", "bias"})
  public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
    return Torch.conv1d(input, weight, bias, 1, 0, 1, 1);
  }

  /**
   * A 2-D convolution with square stride and padding, as {@code F.conv2d(input, weight, bias,
   * stride, padding)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cout, Cin, KH, KW] -> [N, Cout, (H + 2*padding - KH) /
   * stride + 1, (W + 2*padding - KW) / stride + 1]} ({@link Rule#CONV2D}, dilation 1, one
   * group).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "stride", "padding", "1", "1", "bias"})
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long stride, long padding) {
    return Torch.conv2d(input, weight, bias, new long[] {stride, stride},
        new long[] {padding, padding}, new long[] {1, 1}, 1);
  }

  /**
   * A 2-D convolution with stride 1, no padding, as {@code F.conv2d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H - KH + 1, W - KW + 1]} ({@link
   * Rule#CONV2D}).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "1", "0", "1", "1", "bias"})
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
    return conv2d(input, weight, bias, 1, 0);
  }

  /**
   * A 1-D convolution without bias, stride 1, no padding, as {@code F.conv1d(input, weight)}.
   *
   * <p>Shape: {@code [N, Cin, L] x [Cout, Cin, K] -> [N, Cout, L - K + 1]} ({@link
   * Rule#CONV1D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV1D, args = {"input", "weight", "1", "0", "1", "1", "null"})
  public static Tensor conv1d(Tensor input, Tensor weight) {
    return conv1d(input, weight, null);
  }

  /**
   * A 2-D convolution without bias, stride 1, no padding, as {@code F.conv2d(input, weight)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cout, Cin, KH, KW] -> [N, Cout, H - KH + 1, W - KW + 1]}
   * ({@link Rule#CONV2D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "1", "0", "1", "1", "null"})
  public static Tensor conv2d(Tensor input, Tensor weight) {
    return conv2d(input, weight, null, 1, 0);
  }

  /**
   * A 2-D convolution with a square stride and no padding, as {@code F.conv2d(input, weight,
   * bias, stride)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cout, Cin, KH, KW] -> [N, Cout, (H - KH) / stride + 1, (W
   * - KW) / stride + 1]} ({@link Rule#CONV2D}).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "stride", "0", "1", "1", "bias"})
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long stride) {
    return conv2d(input, weight, bias, stride, 0);
  }

  /**
   * A 2-D transposed convolution with stride 1, no padding, as {@code
   * F.conv_transpose2d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cin, Cout, KH, KW] -> [N, Cout, H + KH - 1, W + KW - 1]}
   * ({@link Rule#CONV_TRANSPOSE2D}).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV_TRANSPOSE2D,
      args = {"input", "weight", "1", "0", "0", "1", "1", "bias"})
  public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
    long[] one = {1, 1};
    long[] zero = {0, 0};
    return Torch.convTranspose2d(input, weight, bias, one, zero, zero, 1, one);
  }

  /**
   * A 2-D transposed convolution without bias, stride 1, no padding, as {@code
   * F.conv_transpose2d(input, weight)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cin, Cout, KH, KW] -> [N, Cout, H + KH - 1, W + KW - 1]}
   * ({@link Rule#CONV_TRANSPOSE2D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV_TRANSPOSE2D,
      args = {"input", "weight", "1", "0", "0", "1", "1", "null"})
  public static Tensor convTranspose2d(Tensor input, Tensor weight) {
    return convTranspose2d(input, weight, null);
  }

  /**
   * A 3-D convolution with stride 1, no padding, as {@code F.conv3d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] x [Cout, Cin, KD, KH, KW] -> [N, Cout, D - KD + 1, H - KH
   * + 1, W - KW + 1]} ({@link Rule#CONV3D}).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV3D, args = {"input", "weight", "1", "0", "1", "1", "bias"})
  public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias) {
    return conv3d(input, weight, bias, 1, 0);
  }

  /**
   * A 3-D convolution without bias, stride 1, no padding, as {@code F.conv3d(input, weight)}.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] x [Cout, Cin, KD, KH, KW] -> [N, Cout, D - KD + 1, H - KH
   * + 1, W - KW + 1]} ({@link Rule#CONV3D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV3D, args = {"input", "weight", "1", "0", "1", "1", "null"})
  public static Tensor conv3d(Tensor input, Tensor weight) {
    return conv3d(input, weight, null, 1, 0);
  }

  /**
   * A 3-D convolution with the same stride and padding in every dim, as {@code F.conv3d(input,
   * weight, bias, stride, padding)}.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] x [Cout, Cin, KD, KH, KW] -> [N, Cout, (D + 2*padding -
   * KD)/stride + 1, ...]} ({@link Rule#CONV3D}, dilation 1, one group).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV3D, args = {"input", "weight", "stride", "padding", "1", "1", "bias"})
  public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias, long stride, long padding) {
    return Torch.conv3d(input, weight, bias, new long[] {stride, stride, stride},
        new long[] {padding, padding, padding}, new long[] {1, 1, 1}, 1);
  }

  /**
   * A 1-D transposed convolution with stride 1, no padding, as {@code
   * F.conv_transpose1d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, L] x [Cin, Cout, K] -> [N, Cout, L + K - 1]} ({@link
   * Rule#CONV_TRANSPOSE1D}).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV_TRANSPOSE1D,
      args = {"input", "weight", "1", "0", "0", "1", "1", "bias"})
  public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias) {
    return Torch.convTranspose1d(input, weight, bias, 1, 0, 0, 1, 1);
  }

  /**
   * A 1-D transposed convolution without bias, stride 1, no padding, as {@code
   * F.conv_transpose1d(input, weight)}.
   *
   * <p>Shape: {@code [N, Cin, L] x [Cin, Cout, K] -> [N, Cout, L + K - 1]} ({@link
   * Rule#CONV_TRANSPOSE1D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV_TRANSPOSE1D,
      args = {"input", "weight", "1", "0", "0", "1", "1", "null"})
  public static Tensor convTranspose1d(Tensor input, Tensor weight) {
    return convTranspose1d(input, weight, null);
  }

  /**
   * A 3-D transposed convolution with stride 1, no padding, as {@code
   * F.conv_transpose3d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] x [Cin, Cout, KD, KH, KW] -> [N, Cout, D + KD - 1, H + KH
   * - 1, W + KW - 1]} ({@link Rule#CONV_TRANSPOSE3D}).
   *
   * @param bias null for none
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV_TRANSPOSE3D,
      args = {"input", "weight", "1", "0", "0", "1", "1", "bias"})
  public static Tensor convTranspose3d(Tensor input, Tensor weight, Tensor bias) {
    long[] one = {1, 1, 1};
    long[] zero = {0, 0, 0};
    return Torch.convTranspose3d(input, weight, bias, one, zero, zero, 1, one);
  }

  /**
   * A 3-D transposed convolution without bias, stride 1, no padding, as {@code
   * F.conv_transpose3d(input, weight)}.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] x [Cin, Cout, KD, KH, KW] -> [N, Cout, D + KD - 1, H + KH
   * - 1, W + KW - 1]} ({@link Rule#CONV_TRANSPOSE3D}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CONV_TRANSPOSE3D,
      args = {"input", "weight", "1", "0", "0", "1", "1", "null"})
  public static Tensor convTranspose3d(Tensor input, Tensor weight) {
    return convTranspose3d(input, weight, null);
  }
}

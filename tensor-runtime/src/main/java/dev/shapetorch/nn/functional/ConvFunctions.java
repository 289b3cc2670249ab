package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Convolutions of {@link F}: {@code conv1d}, {@code conv2d}, {@code convTranspose2d}.
 *
 * <p>Shape: {@code conv2d} maps {@code [N, Cin, H, W]} with a weight {@code [Cout, Cin/groups,
 * KH, KW]} to {@code [N, Cout, (H + 2*PH - DH*(KH-1) - 1)/SH + 1, (W + 2*PW - DW*(KW-1) -
 * 1)/SW + 1]} ({@link Rule#CONV2D}); {@code conv1d} likewise over one dim; {@code
 * convTranspose2d} maps {@code [N, Cin, H, W]} with a weight {@code [Cin, Cout/groups, KH, KW]}
 * to {@code [N, Cout, (H-1)*SH - 2*PH + DH*(KH-1) + OPH + 1, ...]} ({@link
 * Rule#CONV_TRANSPOSE2D}); a bias is {@code [Cout]}.
 */
public abstract class ConvFunctions extends LayerFunctions {

  ConvFunctions() {}

  /**
   * A 1-D convolution, as {@code F.conv1d(input, weight, bias, stride, padding, dilation,
   * groups)}.
   *
   * <p>Shape: {@code [N, Cin, L] -> [N, Cout, (L + 2*P - D*(K-1) - 1)/S + 1]} ({@link
   * Rule#CONV1D}).
   *
   * @param bias null for none
   */
  @ShapeRule(value = Rule.CONV1D, args = {"input", "weight", "stride", "padding", "dilation", "groups"})
  public static Tensor conv1d(
      Tensor input, Tensor weight, Tensor bias, long stride, long padding, long dilation,
      long groups) {
    try {
      return Torch.conv1d(input, weight, bias, stride, padding, dilation, groups);
    } catch (ShapeException e) {
      throw Renamed.as("F.conv1d", e);
    }
  }

  /**
   * A 1-D convolution with stride 1, no padding, as {@code F.conv1d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, L] -> [N, Cout, L - K + 1]} ({@link Rule#CONV1D}).
   */
  @ShapeRule(value = Rule.CONV1D, args = {"input", "weight", "1", "0", "1", "1"})
  public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
    return conv1d(input, weight, bias, 1, 0, 1, 1);
  }

  /**
   * A 2-D convolution, as {@code F.conv2d(input, weight, bias, stride, padding, dilation,
   * groups)}.
   *
   * <p>Shape: as the class says ({@link Rule#CONV2D}).
   *
   * @param bias null for none
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param dilation {@code {DH, DW}}
   */
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "stride", "padding", "dilation", "groups"})
  public static Tensor conv2d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    try {
      return Torch.conv2d(input, weight, bias, stride, padding, dilation, groups);
    } catch (ShapeException e) {
      throw Renamed.as("F.conv2d", e);
    }
  }

  /**
   * A 2-D convolution with square stride and padding, as {@code F.conv2d(input, weight, bias,
   * stride, padding)}.
   *
   * <p>Shape: as the class says, with {@code SH = SW = stride}, {@code PH = PW = padding},
   * dilation 1.
   */
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "stride", "padding", "1", "1"})
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long stride, long padding) {
    return conv2d(input, weight, bias, new long[] {stride, stride},
        new long[] {padding, padding}, new long[] {1, 1}, 1);
  }

  /**
   * A 2-D convolution with stride 1, no padding, as {@code F.conv2d(input, weight, bias)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H - KH + 1, W - KW + 1]}.
   */
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "1", "0", "1", "1"})
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
    return conv2d(input, weight, bias, 1, 0);
  }

  /**
   * A 2-D transposed convolution, as {@code F.conv_transpose2d(input, weight, bias, stride,
   * padding, output_padding, groups, dilation)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cin, Cout/groups, KH, KW] -> [N, Cout, (H-1)*SH - 2*PH +
   * DH*(KH-1) + OPH + 1, (W-1)*SW - 2*PW + DW*(KW-1) + OPW + 1]}, or unbatched {@code [Cin, H,
   * W] -> [Cout, H', W']} ({@link Rule#CONV_TRANSPOSE2D}, at compile time and at run time).
   *
   * @param bias {@code [Cout]}, or null for none
   * @param outputPadding {@code {OPH, OPW}}, each smaller than the stride or the dilation
   */
  @ShapeRule(value = Rule.CONV_TRANSPOSE2D,
      args = {"input", "weight", "stride", "padding", "outputPadding", "groups", "dilation"})
  public static Tensor convTranspose2d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
      long[] outputPadding, long groups, long[] dilation) {
    try {
      return Torch.convTranspose2d(input, weight, bias, stride, padding, outputPadding, groups,
          dilation);
    } catch (ShapeException e) {
      throw Renamed.as("F.convTranspose2d", e);
    }
  }
}

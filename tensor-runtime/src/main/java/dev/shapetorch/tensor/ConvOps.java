package dev.shapetorch.tensor;

import static dev.shapetorch.tensor.ShapeChecks.integer;
import static dev.shapetorch.tensor.ShapeChecks.ints;
import static dev.shapetorch.tensor.ShapeChecks.tensorArg;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import java.util.Map;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Convolutions: {@code conv1d}, {@code conv2d} and {@code convTranspose2d}, as {@code
 * torch.conv2d} and {@code F.conv2d}. Part of the {@link Torch} chain.
 *
 * <p>Shape: {@code conv2d} maps {@code [N, Cin, H, W]} (or unbatched {@code [Cin, H, W]}) with
 * a weight {@code [Cout, Cin/groups, KH, KW]} to {@code [N, Cout, (H + 2*PH - DH*(KH-1) - 1)/SH
 * + 1, (W + 2*PW - DW*(KW-1) - 1)/SW + 1]} ({@link Rule#CONV2D}); {@code conv1d} likewise over
 * one spatial dim ({@link Rule#CONV1D}). A bias, when given, must be {@code [Cout]}
 * (libtorch checks it).
 */
public abstract class ConvOps extends LayerOps {

  private static final NnSignature CONV_TRANSPOSE2D =
      NnSignature.of(ConvOps.class, "convTranspose2d", "input", "weight", "bias");

  ConvOps() {}

  /**
   * A 1-D convolution, as {@code F.conv1d}.
   *
   * <p>Shape: {@code [N, Cin, L] x [Cout, Cin/groups, K] -> [N, Cout, (L + 2*P - D*(K-1) - 1)/S
   * + 1]} ({@link Rule#CONV1D}).
   *
   * @param bias {@code [Cout]}, or null for none
   */
  @ShapeRule(value = Rule.CONV1D, args = {"input", "weight", "stride", "padding", "dilation", "groups"})
  public static Tensor conv1d(
      Tensor input, Tensor weight, Tensor bias, long stride, long padding, long dilation,
      long groups) {
    String op = "Torch.conv1d";
    ShapeChecks.check(Rule.CONV1D, op, tensorArg(input), tensorArg(weight), ints(stride),
        ints(padding), ints(dilation), integer(groups));
    try (TensorOptional b = optional(bias)) {
      return Tensor.wrap(torch.conv1d(input.h(), weight.h(), b, new long[] {stride},
          new long[] {padding}, new long[] {dilation}, groups));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * A 2-D convolution, as {@code F.conv2d}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cout, Cin/groups, KH, KW] -> [N, Cout, (H + 2*PH -
   * DH*(KH-1) - 1)/SH + 1, (W + 2*PW - DW*(KW-1) - 1)/SW + 1]} ({@link Rule#CONV2D}).
   *
   * @param bias {@code [Cout]}, or null for none
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param dilation {@code {DH, DW}}
   */
  @ShapeRule(value = Rule.CONV2D, args = {"input", "weight", "stride", "padding", "dilation", "groups"})
  public static Tensor conv2d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    String op = "Torch.conv2d";
    ShapeChecks.check(Rule.CONV2D, op, tensorArg(input), tensorArg(weight), ints(stride),
        ints(padding), ints(dilation), integer(groups));
    try (TensorOptional b = optional(bias)) {
      return Tensor.wrap(torch.conv2d(input.h(), weight.h(), b, stride, padding, dilation, groups));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * A 2-D transposed convolution ("deconvolution"), as {@code F.conv_transpose2d}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cin, Cout/groups, KH, KW] -> [N, Cout, (H-1)*SH - 2*PH +
   * DH*(KH-1) + OPH + 1, (W-1)*SW - 2*PW + DW*(KW-1) + OPW + 1]}; the bias, when given, is
   * {@code [Cout]}. The input must be batched.
   *
   * @param bias {@code [Cout]}, or null for none
   * @param outputPadding {@code {OPH, OPW}}, each smaller than the stride or the dilation
   */
  public static @Shape({"N", "G*groups", "_", "_"}) Tensor convTranspose2d(
      @Shape({"N", "Cin", "H", "W"}) Tensor input,
      @Shape({"Cin", "G", "KH", "KW"}) Tensor weight,
      @Shape({"G*groups"}) Tensor bias,
      long[] stride, long[] padding, long[] outputPadding, @Dim long groups, long[] dilation) {
    String op = "Torch.convTranspose2d";
    CONV_TRANSPOSE2D.check(
        op, Bindings.of(Map.of("groups", DimExpr.of(groups))), input, weight, bias);
    try (TensorOptional b = optional(bias)) {
      return Tensor.wrap(torch.conv_transpose2d(input.h(), weight.h(), b, stride, padding,
          outputPadding, groups, dilation));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }
}

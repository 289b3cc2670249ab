package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.ConvTransposeRules;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.ConvRouting.Kind;
import org.bytedeco.javacpp.BoolPointer;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Convolutions: {@code conv1d}, {@code conv2d} and {@code convTranspose2d}, as {@code
 * torch.conv2d} and {@code F.conv2d}, and {@code conv2d}'s gradients ({@code
 * convolutionBackward}, as {@code torch.ops.aten.convolution_backward}). Part of the {@link Torch} chain.
 *
 * <p>Shape: {@code conv2d} maps {@code [N, Cin, H, W]} (or unbatched {@code [Cin, H, W]}) with
 * a weight {@code [Cout, Cin/groups, KH, KW]} to {@code [N, Cout, (H + 2*PH - DH*(KH-1) - 1)/SH
 * + 1, (W + 2*PW - DW*(KW-1) - 1)/SW + 1]} ({@link Rule#CONV2D}); {@code conv1d} likewise over
 * one spatial dim ({@link Rule#CONV1D}); {@code convTranspose2d} maps {@code [N, Cin, H, W]}
 * with a weight {@code [Cin, Cout/groups, KH, KW]} to {@code [N, Cout, (H-1)*SH - 2*PH +
 * DH*(KH-1) + OPH + 1, ...]} ({@link Rule#CONV_TRANSPOSE2D}). A bias, when given, must be
 * {@code [Cout]} (libtorch checks it). {@code convolutionBackward} returns gradients shaped like
 * a {@code conv2d}'s input, weight and bias.
 */
final class ConvOps {

  private ConvOps() {}

  /**
   * A 1-D convolution, as {@code F.conv1d}.
   *
   * <p>Shape: {@code [N, Cin, L] x [Cout, Cin/groups, K] -> [N, Cout, (L + 2*P - D*(K-1) - 1)/S
   * + 1]} ({@link Rule#CONV1D}).
   *
   * @param bias {@code [Cout]}, or null for none
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.CONV1D,
      args = {"input", "weight", "stride", "padding", "dilation", "groups", "bias"})
  static Tensor conv1d(
      Tensor input, Tensor weight, @Nullable Tensor bias, long stride, long padding,
      long dilation, long groups) {
    String op = "Torch.conv1d";
    requirePadded(op, "input", input.shape(), new long[] {padding}, 1, input.dtype());
    try (TensorOptional b = Natives.optional(bias)) {
      if (!ConvRouting.libtorchKernel(Kind.CONV1D, input, weight, bias != null,
          new long[] {stride}, new long[] {padding}, new long[] {dilation}, groups)) {
        return Tensor.wrap(ReferenceConvolution.conv1d(input.h(), weight.h(), handle(bias),
            stride, padding, dilation, groups));
      }
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
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.CONV2D,
      args = {"input", "weight", "stride", "padding", "dilation", "groups", "bias"})
  static Tensor conv2d(
      Tensor input, Tensor weight, @Nullable Tensor bias, long[] stride, long[] padding,
      long[] dilation, long groups) {
    String op = "Torch.conv2d";
    requirePadded(op, "input", input.shape(), padding, 2, input.dtype());
    try (TensorOptional b = Natives.optional(bias)) {
      if (!ConvRouting.libtorchKernel(Kind.CONV2D, input, weight, bias != null, stride,
          padding, dilation, groups)) {
        return Tensor.wrap(ReferenceConvolution.conv2dAnyBatch(input.h(), weight.h(),
            handle(bias), stride, padding, dilation, groups));
      }
      return Tensor.wrap(torch.conv2d(input.h(), weight.h(), b, stride, padding, dilation, groups));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * A 2-D transposed convolution ("deconvolution"), as {@code F.conv_transpose2d}.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cin, Cout/groups, KH, KW] -> [N, Cout, (H-1)*SH - 2*PH +
   * DH*(KH-1) + OPH + 1, (W-1)*SW - 2*PW + DW*(KW-1) + OPW + 1]}, or unbatched {@code [Cin, H,
   * W] -> [Cout, H', W']} ({@link Rule#CONV_TRANSPOSE2D}, which the checker runs too, so the
   * output sizes are computed at compile time); the bias, when given, is {@code [Cout]}
   * (libtorch checks it).
   *
   * @param bias {@code [Cout]}, or null for none
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param outputPadding {@code {OPH, OPW}}, each smaller than the stride or the dilation
   * @param dilation {@code {DH, DW}}
   * @throws ShapeException {@code [shape.mismatch.conv.channels]} if the input's channels are
   *     not the weight's dim 0, {@code [shape.conv.params]} for a bad stride, padding, output
   *     padding or groups, {@code [shape.conv.size]} if an output size would be below 1, {@code
   *     [shape.rank.conv]} for a wrong rank
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.CONV_TRANSPOSE2D,
      args = {"input", "weight", "stride", "padding", "outputPadding", "groups", "dilation",
          "bias"})
  static Tensor convTranspose2d(
      Tensor input, Tensor weight, @Nullable Tensor bias, long[] stride, long[] padding,
      long[] outputPadding, long groups, long[] dilation) {
    String op = "Torch.convTranspose2d";
    MemoryLimit.require(op, "the padded output",
        paddedOutput(op, input, weight, stride, padding, outputPadding, groups, dilation),
        input.dtype());
    try (TensorOptional b = Natives.optional(bias)) {
      if (!ConvRouting.libtorchKernel(Kind.CONV_TRANSPOSE2D, input, weight,
          bias != null, stride, padding, dilation, groups)) {
        return Tensor.wrap(ReferenceConvolution.convTranspose2dAnyBatch(input.h(), weight.h(),
            handle(bias), stride, padding, outputPadding, groups, dilation));
      }
      return Tensor.wrap(torch.conv_transpose2d(input.h(), weight.h(), b, stride, padding,
          outputPadding, groups, dilation));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * The gradients of {@code Torch.conv2d(input, weight, bias, stride, padding, dilation,
   * groups)} given the gradient of its result, as {@code
   * torch.ops.aten.convolution_backward} (2-D, not transposed, as autograd calls it for {@code
   * conv2d}).
   *
   * <p>Shape: {@code gradOutput} has the convolution's result shape ({@link Rule#CONV2D} of
   * {@code input} and {@code weight}); the gradients have the shapes of {@code input}, {@code
   * weight} and the bias {@code [Cout]}.
   *
   * @param gradOutput the gradient of the convolution's result
   * @param inputGradient whether to compute the input's gradient (not for data)
   * @param withBias whether the convolution had a bias (its gradient is then computed)
   * @return {@code [dInput, dWeight, dBias]}; {@code dInput} is null unless asked for, {@code
   *     dBias} null without a bias
   * @throws ShapeException if {@code input} and {@code weight} do not convolve
   * @throws IllegalArgumentException if {@code gradOutput} does not have the convolution's
   *     result shape
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.CONV2D,
      args = {"input", "weight", "stride", "padding", "dilation", "groups", "null"})
  static Tensor[] convolutionBackward(Tensor gradOutput, Tensor input, Tensor weight,
      boolean inputGradient, boolean withBias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    String op = "Torch.convolutionBackward";
    TensorShape out = BackwardShapes.conv2d(op, input, weight, stride, padding, dilation, groups);
    BackwardShapes.require(op, "gradOutput", gradOutput, out);
    requirePadded(op, "input", input.shape(), padding, 2, input.dtype());
    long[] biasSizes = withBias ? new long[] {weight.size(0)} : null;
    if (!ConvRouting.libtorchKernel(Kind.CONV2D, input, weight, withBias, inputGradient,
        stride, padding, dilation, groups)) {
      try {
        return wrapAll(ReferenceConvolution.conv2dBackward(gradOutput.h(), input.h(), weight.h(),
            inputGradient, withBias, stride, padding, dilation, groups));
      } catch (RuntimeException e) {
        throw Natives.fail(op, e, gradOutput, input, weight);
      }
    }
    try (BoolPointer mask = new BoolPointer(3)) {
      mask.put(0, inputGradient).put(1, true).put(2, withBias);
      try (T_TensorTensorTensor_T r = torch.convolution_backward(gradOutput.h(), input.h(),
          weight.h(), biasSizes, stride, padding, dilation, false, new long[] {0, 0}, groups,
          mask)) {
        return new Tensor[] {inputGradient ? Natives.tupleElement(r.get0()) : null,
            Natives.tupleElement(r.get1()), withBias ? Natives.tupleElement(r.get2()) : null};
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, gradOutput, input, weight);
    }
  }

  /**
   * Refuses a padding whose padded extent could not be held in memory. The kernels walk the
   * padded input (of a transposed convolution: its padded output) whether or not they
   * materialise it: a padding near 2^28 with a matching stride kept oneDNN's backward busy for
   * minutes although the result had a few elements.
   */
  private static void requirePadded(String op, String what, long[] sizes, long[] padding,
      int spatial, DType dtype) {
    long[] padded = sizes.clone();
    try {
      for (int i = 0; i < spatial && i < padded.length; i++) {
        long p = padding[padding.length == 1 ? 0 : Math.min(i, padding.length - 1)];
        int d = padded.length - spatial + i;
        padded[d] = Math.addExact(padded[d], Math.multiplyExact(2, p));
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": the padding "
          + java.util.Arrays.toString(padding) + " overflows a 64-bit size");
    }
    MemoryLimit.require(op, "the padded " + what, padded, dtype);
  }

  /**
   * What a transposed convolution's kernels walk: its output before the padding is cut off, of
   * {@code (L-1)*S + D*(K-1) + OP + 1} per spatial dim (the output size with no padding).
   */
  private static long[] paddedOutput(String op, Tensor input, Tensor weight, long[] stride,
      long[] padding, long[] outputPadding, long groups, long[] dilation) {
    long[] in = input.shape();
    long[] w = weight.shape();
    long[] out = in.clone();
    try {
      out[in.length - 3] = Math.multiplyExact(w[1], groups);
      for (int i = 0; i < 2; i++) {
        int d = in.length - 2 + i;
        out[d] = ConvTransposeRules.outputSize(DimExpr.of(in[d]), DimExpr.of(w[2 + i]),
            DimExpr.of(at(stride, i)), DimExpr.of(0), DimExpr.of(at(outputPadding, i)),
            DimExpr.of(at(dilation, i))).constantValue();
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": the padding "
          + java.util.Arrays.toString(padding) + " overflows a 64-bit size");
    }
    return out;
  }

  /** A hyperparameter's value for spatial dim {@code i}: one value for all, or one per dim. */
  private static long at(long[] values, int i) {
    return values[values.length == 1 ? 0 : i];
  }

  /** The native tensor of an optional argument, or null. */
  private static org.bytedeco.pytorch.Tensor handle(Tensor t) {
    return t == null ? null : t.h();
  }

  private static Tensor[] wrapAll(org.bytedeco.pytorch.Tensor[] handles) {
    Tensor[] out = new Tensor[handles.length];
    for (int i = 0; i < handles.length; i++) {
      out[i] = handles[i] == null ? null : Tensor.wrap(handles[i]);
    }
    return out;
  }
}

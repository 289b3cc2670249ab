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
        paddedOutput(op, 2, input, weight, stride, padding, outputPadding, groups, dilation),
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
   * A 3-D convolution, as {@code F.conv3d}.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] x [Cout, Cin/groups, KD, KH, KW] -> [N, Cout, D', H',
   * W']}, each size {@code (L + 2*P - Dil*(K-1) - 1)/S + 1}, or unbatched {@code [Cin, D, H, W]
   * -> [Cout, D', H', W']} ({@link Rule#CONV3D}).
   *
   * @param bias {@code [Cout]}, or null for none
   * @param stride {@code {SD, SH, SW}}, or one value for all
   * @param padding {@code {PD, PH, PW}}, or one value for all
   * @param dilation {@code {DD, DH, DW}}, or one value for all
   * @throws ShapeException {@code [shape.mismatch.conv.channels]} if the input's channels are
   *     not the weight's {@code Cin/groups * groups}, {@code [shape.conv.params]} for a bad
   *     stride, padding, dilation or groups, {@code [shape.conv.size]} if an output size would be
   *     below 1, {@code [shape.rank.conv]} for a wrong rank
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.CONV3D,
      args = {"input", "weight", "stride", "padding", "dilation", "groups", "bias"})
  static Tensor conv3d(
      Tensor input, Tensor weight, @Nullable Tensor bias, long[] stride, long[] padding,
      long[] dilation, long groups) {
    String op = "Torch.conv3d";
    long[] s = perDim(stride, 3);
    long[] p = perDim(padding, 3);
    long[] d = perDim(dilation, 3);
    requirePadded(op, "input", input.shape(), p, 3, input.dtype());
    try (TensorOptional b = Natives.optional(bias)) {
      if (!ConvRouting.libtorchKernel(Kind.CONV3D, input, weight, bias != null, s, p, d,
          groups)) {
        return Tensor.wrap(ReferenceConvolution.conv3d(input.h(), weight.h(), handle(bias), s,
            p, d, groups));
      }
      return Tensor.wrap(torch.conv3d(input.h(), weight.h(), b, s, p, d, groups));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * A 1-D transposed convolution, as {@code F.conv_transpose1d}.
   *
   * <p>Shape: {@code [N, Cin, L] x [Cin, Cout/groups, K] -> [N, Cout, (L-1)*S - 2*P + D*(K-1) +
   * OP + 1]}, or unbatched {@code [Cin, L] -> [Cout, L']} ({@link Rule#CONV_TRANSPOSE1D}).
   *
   * @param bias {@code [Cout]}, or null for none
   * @param outputPadding {@code OP}, smaller than the stride or the dilation
   * @throws ShapeException {@code [shape.mismatch.conv.channels]} if the input's channels are
   *     not the weight's dim 0, {@code [shape.conv.params]} for a bad stride, padding, output
   *     padding or groups, {@code [shape.conv.size]} if the output length would be below 1,
   *     {@code [shape.rank.conv]} for a wrong rank
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.CONV_TRANSPOSE1D,
      args = {"input", "weight", "stride", "padding", "outputPadding", "groups", "dilation",
          "bias"})
  static Tensor convTranspose1d(
      Tensor input, Tensor weight, @Nullable Tensor bias, long stride, long padding,
      long outputPadding, long groups, long dilation) {
    String op = "Torch.convTranspose1d";
    MemoryLimit.require(op, "the padded output",
        paddedOutput(op, 1, input, weight, new long[] {stride}, new long[] {padding},
            new long[] {outputPadding}, groups, new long[] {dilation}),
        input.dtype());
    try (TensorOptional b = Natives.optional(bias)) {
      if (!ConvRouting.libtorchKernel(Kind.CONV_TRANSPOSE1D, input, weight, bias != null,
          new long[] {stride}, new long[] {padding}, new long[] {dilation}, groups)) {
        return Tensor.wrap(ReferenceConvolution.convTranspose1d(input.h(), weight.h(),
            handle(bias), stride, padding, outputPadding, groups, dilation));
      }
      return Tensor.wrap(torch.conv_transpose1d(input.h(), weight.h(), b, new long[] {stride},
          new long[] {padding}, new long[] {outputPadding}, groups, new long[] {dilation}));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * A 3-D transposed convolution, as {@code F.conv_transpose3d}.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] x [Cin, Cout/groups, KD, KH, KW] -> [N, Cout, D', H',
   * W']}, each size {@code (L-1)*S - 2*P + Dil*(K-1) + OP + 1}, or unbatched {@code [Cin, D, H,
   * W] -> [Cout, D', H', W']} ({@link Rule#CONV_TRANSPOSE3D}).
   *
   * @param bias {@code [Cout]}, or null for none
   * @param stride {@code {SD, SH, SW}}, or one value for all
   * @param padding {@code {PD, PH, PW}}, or one value for all
   * @param outputPadding {@code {OPD, OPH, OPW}}, or one value for all; each smaller than the
   *     stride or the dilation
   * @param dilation {@code {DD, DH, DW}}, or one value for all
   * @throws ShapeException {@code [shape.mismatch.conv.channels]} if the input's channels are
   *     not the weight's dim 0, {@code [shape.conv.params]} for a bad stride, padding, output
   *     padding or groups, {@code [shape.conv.size]} if an output size would be below 1, {@code
   *     [shape.rank.conv]} for a wrong rank
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.CONV_TRANSPOSE3D,
      args = {"input", "weight", "stride", "padding", "outputPadding", "groups", "dilation",
          "bias"})
  static Tensor convTranspose3d(
      Tensor input, Tensor weight, @Nullable Tensor bias, long[] stride, long[] padding,
      long[] outputPadding, long groups, long[] dilation) {
    String op = "Torch.convTranspose3d";
    long[] s = perDim(stride, 3);
    long[] p = perDim(padding, 3);
    long[] op3 = perDim(outputPadding, 3);
    long[] d = perDim(dilation, 3);
    MemoryLimit.require(op, "the padded output",
        paddedOutput(op, 3, input, weight, s, p, op3, groups, d), input.dtype());
    try (TensorOptional b = Natives.optional(bias)) {
      if (!ConvRouting.libtorchKernel(Kind.CONV_TRANSPOSE3D, input, weight, bias != null, s, p,
          d, groups)) {
        return Tensor.wrap(ReferenceConvolution.convTranspose3d(input.h(), weight.h(),
            handle(bias), s, p, op3, groups, d));
      }
      return Tensor.wrap(torch.conv_transpose3d(input.h(), weight.h(), b, s, p, op3, groups, d));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /** One value per spatial dim: {@code values} itself, or its single value repeated. */
  private static long[] perDim(long[] values, int spatial) {
    if (values.length != 1) {
      return values;
    }
    long[] out = new long[spatial];
    java.util.Arrays.fill(out, values[0]);
    return out;
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
  private static long[] paddedOutput(String op, int spatial, Tensor input, Tensor weight,
      long[] stride, long[] padding, long[] outputPadding, long groups, long[] dilation) {
    long[] in = input.shape();
    long[] w = weight.shape();
    long[] out = in.clone();
    try {
      out[in.length - spatial - 1] = Math.multiplyExact(w[1], groups);
      for (int i = 0; i < spatial; i++) {
        int d = in.length - spatial + i;
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

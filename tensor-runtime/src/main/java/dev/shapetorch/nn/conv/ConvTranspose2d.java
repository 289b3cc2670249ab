package dev.shapetorch.nn.conv;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A 2-D transposed convolution ("deconvolution", the gradient of Conv2d with respect to its
 * input), which upsamples: PyTorch's {@code nn.ConvTranspose2d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "OPH", "OPW",
 * "DH", "DW"}) ConvTranspose2d}: channels, kernel, stride, padding, output padding, dilation;
 * by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H', W']}, each output size as in {@code
 * F.convTranspose2d}: the input's size less one, times the stride, less twice the padding, plus
 * the dilated kernel's extent and the output padding; {@code H' = (H-1)*SH - 2*PH + DH*(KH-1) +
 * OPH + 1} ({@link Rule#CONV_TRANSPOSE_LAYER}). Batched input only.
 *
 * <p>Parameters: {@code weight} {@code [Cin, Cout/groups, KH, KW]} (note: in-channels first),
 * {@code bias} {@code [Cout]}, uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} with {@code
 * fanIn = Cout/groups * KH * KW}, as PyTorch computes it from the weight.
 */
public final class ConvTranspose2d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD =
      Guard.forward(ConvTranspose2d.class, "input");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A 2-D transposed convolution's hyperparameters by name, as its constructor takes them; the
   * type's vector is {@link #typeVector()}.
   *
   * @param in the input channels {@code Cin}
   * @param out the output channels {@code Cout}
   * @param kernelH the kernel's height {@code KH}
   * @param kernelW the kernel's width {@code KW}
   * @param strideH the vertical stride {@code SH}
   * @param strideW the horizontal stride {@code SW}
   * @param paddingH the rows the output loses at the top and bottom {@code PH}
   * @param paddingW the columns the output loses at the left and right {@code PW}
   * @param outputPaddingH the rows added at the bottom {@code OPH}, smaller than the vertical
   *     stride or dilation
   * @param outputPaddingW the columns added at the right {@code OPW}, smaller than the
   *     horizontal stride or dilation
   * @param dilationH the vertical spacing of the kernel's taps {@code DH}
   * @param dilationW the horizontal spacing of the kernel's taps {@code DW}
   * @param groups how many groups the channels are split into; not part of the type
   * @param bias whether the layer learns a bias; not part of the type
   */
  public record Spec(long in, long out, long kernelH, long kernelW, long strideH, long strideW,
      long paddingH, long paddingW, long outputPaddingH, long outputPaddingW, long dilationH,
      long dilationW, long groups, boolean bias) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException for non-positive sizes, negative paddings, an output
     *     padding not smaller than the stride or the dilation, or channels that {@code groups}
     *     does not divide
     */
    public Spec {
      String layer = "ConvTranspose2d";
      Convolutions.check(layer, in, out, new long[] {kernelH, kernelW},
          new long[] {strideH, strideW}, new long[] {paddingH, paddingW},
          new long[] {dilationH, dilationW}, groups);
      Checks.nonNegative(layer, "output padding", Math.min(outputPaddingH, outputPaddingW));
      if (outputPaddingH >= Math.max(strideH, dilationH)
          || outputPaddingW >= Math.max(strideW, dilationW)) {
        throw new IllegalArgumentException(layer + ": the output padding (" + outputPaddingH
            + ", " + outputPaddingW + ") must be smaller than the stride or the dilation");
      }
    }

    /**
     * The type's vector, {@code [Cin, Cout, KH, KW, SH, SW, PH, PW, OPH, OPW, DH, DW]}: what
     * {@link ConvTranspose2d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {in, out, kernelH, kernelW, strideH, strideW, paddingH, paddingW,
          outputPaddingH, outputPaddingW, dilationH, dilationW};
    }
  }

  /**
   * A square kernel with PyTorch's defaults, as {@code nn.ConvTranspose2d(in, out, k)}: stride
   * 1, no padding or output padding, dilation 1, one group, with bias.
   */
  @ShapeRule(value = Rule.CONV_CONTRACT, args = {"in", "out", "k", "1", "0", "1", "1"})
  public @Shape({"in", "out", "k", "k", "1", "1", "0", "0", "0", "0", "1", "1"}) ConvTranspose2d(
      @Dim long in, @Dim long out, @Dim long k) {
    this(in, out, k, 1, 0, 0);
  }

  /** A square kernel with square stride, padding and output padding, with bias. */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "k", "stride", "padding", "1", "1"})
  public @Shape({"in", "out", "k", "k", "stride", "stride", "padding", "padding",
      "outputPadding", "outputPadding", "1", "1"}) ConvTranspose2d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding,
      @Dim long outputPadding) {
    this(in, out, k, k, stride, stride, padding, padding, outputPadding, outputPadding, 1, 1, 1,
        true);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @throws IllegalArgumentException for non-positive sizes, negative paddings, an output
   *     padding not smaller than the stride or the dilation, or channels that {@code groups}
   *     does not divide
   */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "[kh, kw]", "[sh, sw]", "[ph, pw]", "[dh, dw]", "groups"})
  public @Shape({"in", "out", "kh", "kw", "sh", "sw", "ph", "pw", "oph", "opw", "dh", "dw"})
      ConvTranspose2d(
          @Dim long in, @Dim long out, @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw,
          @Dim long ph, @Dim long pw, @Dim long oph, @Dim long opw, @Dim long dh, @Dim long dw,
          long groups, boolean bias) {
    this(new Spec(in, out, kh, kw, sh, sw, ph, pw, oph, opw, dh, dw, groups, bias));
  }

  private ConvTranspose2d(Spec spec) {
    this.spec = spec;
    Tensor w = Torch.empty(spec.in, spec.out / spec.groups, spec.kernelH, spec.kernelW);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = spec.bias ? new Parameter(Checks.biasUniform(Torch.empty(spec.out), w)) : null;
  }

  /**
   * Applies the transposed convolution.
   *
   * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H', W']} as the class says ({@link
   * Rule#CONV_TRANSPOSE_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 4-D,
   *     {@code [shape.mismatch.conv.channels]} if it has another channel count than {@code Cin}
   */
  @Override
  @ShapeRule(value = Rule.CONV_TRANSPOSE_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.convTranspose2d(input, weight.get(), Checks.value(bias),
        new long[] {spec.strideH, spec.strideW}, new long[] {spec.paddingH, spec.paddingW},
        new long[] {spec.outputPaddingH, spec.outputPaddingW}, spec.groups,
        new long[] {spec.dilationH, spec.dilationW});
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The weight, {@code [Cin, Cout/groups, KH, KW]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias, {@code [Cout]}, or null. */
  public Parameter bias() {
    return bias;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
    visitor.parameter("bias", bias);
  }

  /**
   * As PyTorch prints it: {@code ConvTranspose2d(3, 2, kernel_size=(3, 3), stride=(2, 2),
   * padding=(1, 1), output_padding=(1, 1))}.
   */
  @Override
  public String toString() {
    return Convolutions.repr("ConvTranspose2d", spec.in, spec.out,
        new long[] {spec.kernelH, spec.kernelW}, new long[] {spec.strideH, spec.strideW},
        new long[] {spec.paddingH, spec.paddingW}, new long[] {spec.dilationH, spec.dilationW},
        new long[] {spec.outputPaddingH, spec.outputPaddingW}, spec.groups, spec.bias);
  }
}

package dev.shapetorch.nn.conv;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.ForwardSignature;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A 2-D transposed convolution ("deconvolution", the gradient of Conv2d with respect to its
 * input), which upsamples: PyTorch's {@code nn.ConvTranspose2d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "OPH", "OPW",
 * "DH", "DW"}) ConvTranspose2d}: channels, kernel, stride, padding, output padding, dilation.
 *
 * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, (H-1)*SH - 2*PH + DH*(KH-1) + OPH + 1, (W-1)*SW
 * - 2*PW + DW*(KW-1) + OPW + 1]}.
 *
 * <p>Parameters: {@code weight} {@code [Cin, Cout/groups, KH, KW]} (note: in-channels first),
 * {@code bias} {@code [Cout]}, uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} with {@code
 * fanIn = Cout/groups * KH * KW}, as PyTorch computes it from the weight.
 */
public final class ConvTranspose2d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD =
      ForwardSignature.of(ConvTranspose2d.class, "input");

  private final long[] hyper;
  private final long groups;
  private final Parameter weight;
  private final Parameter bias;

  /** A square kernel with square stride, padding and output padding, with bias. */
  public @Shape({"in", "out", "k", "k", "stride", "stride", "padding", "padding",
      "outputPadding", "outputPadding", "1", "1"}) ConvTranspose2d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding,
      @Dim long outputPadding) {
    this(in, out, k, k, stride, stride, padding, padding, outputPadding, outputPadding, 1, 1, 1,
        true);
  }

  /**
   * Every option.
   *
   * @throws IllegalArgumentException for non-positive sizes, negative paddings, an output
   *     padding not smaller than the stride or the dilation, or channels that {@code groups}
   *     does not divide
   */
  public @Shape({"in", "out", "kh", "kw", "sh", "sw", "ph", "pw", "oph", "opw", "dh", "dw"})
      ConvTranspose2d(
          @Dim long in, @Dim long out, @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw,
          @Dim long ph, @Dim long pw, @Dim long oph, @Dim long opw, @Dim long dh, @Dim long dw,
          long groups, boolean bias) {
    String layer = "ConvTranspose2d";
    Checks.positive(layer, "in", in);
    Checks.positive(layer, "out", out);
    Checks.positive(layer, "kernel", Math.min(kh, kw));
    Checks.positive(layer, "stride", Math.min(sh, sw));
    Checks.nonNegative(layer, "padding", Math.min(ph, pw));
    Checks.nonNegative(layer, "output padding", Math.min(oph, opw));
    Checks.positive(layer, "dilation", Math.min(dh, dw));
    if (oph >= Math.max(sh, dh) || opw >= Math.max(sw, dw)) {
      throw new IllegalArgumentException(layer + ": the output padding (" + oph + ", " + opw
          + ") must be smaller than the stride or the dilation");
    }
    Checks.groups(layer, in, out, groups);
    this.hyper = new long[] {in, out, kh, kw, sh, sw, ph, pw, oph, opw, dh, dw};
    this.groups = groups;
    Tensor w = Torch.empty(in, out / groups, kh, kw);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = bias ? new Parameter(Checks.biasUniform(Torch.empty(out), w)) : null;
  }

  /**
   * Applies the transposed convolution.
   *
   * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H', W']} as the class says.
   */
  @Override
  public @Shape({"N", "Cout", "(H-1)*SH-2*PH+DH*(KH-1)+OPH+1", "(W-1)*SW-2*PW+DW*(KW-1)+OPW+1"})
      Tensor forward(
          @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "OPH", "OPW", "DH", "DW"})
              ConvTranspose2d this,
          @Shape({"N", "Cin", "H", "W"}) Tensor input) {
    FORWARD.check(hyper, input);
    return F.convTranspose2d(input, weight.get(), Checks.value(bias),
        new long[] {hyper[4], hyper[5]}, new long[] {hyper[6], hyper[7]},
        new long[] {hyper[8], hyper[9]}, groups, new long[] {hyper[10], hyper[11]});
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

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ConvTranspose2d(").append(hyper[0]).append(", ")
        .append(hyper[1]).append(", kernel_size=").append(Checks.pair(hyper[2], hyper[3]))
        .append(", stride=").append(Checks.pair(hyper[4], hyper[5]));
    if (hyper[6] != 0 || hyper[7] != 0) {
      sb.append(", padding=").append(Checks.pair(hyper[6], hyper[7]));
    }
    if (hyper[8] != 0 || hyper[9] != 0) {
      sb.append(", output_padding=").append(Checks.pair(hyper[8], hyper[9]));
    }
    if (hyper[10] != 1 || hyper[11] != 1) {
      sb.append(", dilation=").append(Checks.pair(hyper[10], hyper[11]));
    }
    if (groups != 1) {
      sb.append(", groups=").append(groups);
    }
    if (bias == null) {
      sb.append(", bias=False");
    }
    return sb.append(')').toString();
  }
}

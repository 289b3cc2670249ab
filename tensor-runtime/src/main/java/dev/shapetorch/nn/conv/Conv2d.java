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
 * A 2-D convolution over a batch of images: PyTorch's {@code nn.Conv2d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW"})
 * Conv2d}: channels in and out, kernel, stride, padding and dilation (height then width).
 *
 * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, (H + 2*PH - DH*(KH-1) - 1)/SH + 1, (W + 2*PW -
 * DW*(KW-1) - 1)/SW + 1]}. The input must be batched (PyTorch would take a 3-D input as one
 * unbatched image, a silent mistake when a batch dim was lost); call {@code F.conv2d} for
 * unbatched input.
 *
 * <p>Parameters: {@code weight} {@code [Cout, Cin/groups, KH, KW]}, {@code bias} {@code [Cout]}
 * (absent without bias), both uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, {@code fanIn
 * = Cin/groups * KH * KW}, as in PyTorch.
 */
public final class Conv2d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(Conv2d.class, "input");

  private final long[] hyper;
  private final long groups;
  private final Parameter weight;
  private final Parameter bias;

  /** A square kernel, stride 1, no padding, with bias. */
  public @Shape({"in", "out", "k", "k", "1", "1", "0", "0", "1", "1"}) Conv2d(
      @Dim long in, @Dim long out, @Dim long k) {
    this(in, out, k, k, 1, 1, 0, 0, 1, 1, 1, true);
  }

  /** A square kernel with square stride and padding, with bias. */
  public @Shape({"in", "out", "k", "k", "stride", "stride", "padding", "padding", "1", "1"})
      Conv2d(@Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding) {
    this(in, out, k, k, stride, stride, padding, padding, 1, 1, 1, true);
  }

  /**
   * Every option.
   *
   * @param groups how many groups the channels are split into (both channel counts must be
   *     divisible by it)
   * @param bias whether to learn a bias
   * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
   *     {@code groups} does not divide
   */
  public @Shape({"in", "out", "kh", "kw", "sh", "sw", "ph", "pw", "dh", "dw"}) Conv2d(
      @Dim long in, @Dim long out, @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw,
      @Dim long ph, @Dim long pw, @Dim long dh, @Dim long dw, long groups, boolean bias) {
    String layer = "Conv2d";
    Checks.positive(layer, "in", in);
    Checks.positive(layer, "out", out);
    Checks.positive(layer, "kernel", Math.min(kh, kw));
    Checks.positive(layer, "stride", Math.min(sh, sw));
    Checks.nonNegative(layer, "padding", Math.min(ph, pw));
    Checks.positive(layer, "dilation", Math.min(dh, dw));
    Checks.groups(layer, in, out, groups);
    this.hyper = new long[] {in, out, kh, kw, sh, sw, ph, pw, dh, dw};
    this.groups = groups;
    Tensor w = Torch.empty(out, in / groups, kh, kw);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = bias ? new Parameter(Checks.biasUniform(Torch.empty(out), w)) : null;
  }

  /**
   * Applies the convolution.
   *
   * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H', W']} as the class says.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the input is not 4-D or has another
   *     channel count than {@code Cin}
   */
  @Override
  public @Shape({"N", "Cout", "(H+2*PH-DH*(KH-1)-1)/SH+1", "(W+2*PW-DW*(KW-1)-1)/SW+1"})
      Tensor forward(
          @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW"}) Conv2d this,
          @Shape({"N", "Cin", "H", "W"}) Tensor input) {
    FORWARD.check(hyper, input);
    return F.conv2d(input, weight.get(), Checks.value(bias),
        new long[] {hyper[4], hyper[5]}, new long[] {hyper[6], hyper[7]},
        new long[] {hyper[8], hyper[9]}, groups);
  }

  /** The weight, {@code [Cout, Cin/groups, KH, KW]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias, {@code [Cout]}, or null. */
  public Parameter bias() {
    return bias;
  }

  /** The hyperparameters in the type's order: Cin, Cout, KH, KW, SH, SW, PH, PW, DH, DW. */
  public long[] hyperparameters() {
    return hyper.clone();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
    visitor.parameter("bias", bias);
  }

  /** As PyTorch prints it: {@code Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Conv2d(").append(hyper[0]).append(", ")
        .append(hyper[1]).append(", kernel_size=").append(Checks.pair(hyper[2], hyper[3]))
        .append(", stride=").append(Checks.pair(hyper[4], hyper[5]));
    if (hyper[6] != 0 || hyper[7] != 0) {
      sb.append(", padding=").append(Checks.pair(hyper[6], hyper[7]));
    }
    if (hyper[8] != 1 || hyper[9] != 1) {
      sb.append(", dilation=").append(Checks.pair(hyper[8], hyper[9]));
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

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
 * A 2-D convolution over a batch of images: PyTorch's {@code nn.Conv2d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW"})
 * Conv2d}: channels in and out, kernel, stride, padding and dilation (height then width); by
 * name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H', W']}, each output size as in {@code
 * F.conv2d}: the input's size plus twice the padding, less the dilated kernel's extent {@code
 * DH*(KH-1) + 1}, divided by the stride (rounding down), plus one; {@code H' = (H + 2*PH -
 * DH*(KH-1) - 1)/SH + 1} ({@link Rule#CONV_LAYER}). The input must be batched (PyTorch would take
 * a 3-D input as one unbatched image, a silent mistake when a batch dim was lost); call {@code
 * F.conv2d} for unbatched input.
 *
 * <p>Parameters: {@code weight} {@code [Cout, Cin/groups, KH, KW]}, {@code bias} {@code [Cout]}
 * (absent without bias), both uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, {@code fanIn
 * = Cin/groups * KH * KW}, as in PyTorch.
 */
public final class Conv2d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(Conv2d.class, "input");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A 2-D convolution's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param in the input channels {@code Cin}
   * @param out the output channels {@code Cout}
   * @param kernelH the kernel's height {@code KH}
   * @param kernelW the kernel's width {@code KW}
   * @param strideH the vertical stride {@code SH}
   * @param strideW the horizontal stride {@code SW}
   * @param paddingH the zeros added above and below {@code PH}
   * @param paddingW the zeros added left and right {@code PW}
   * @param dilationH the vertical spacing of the kernel's taps {@code DH}
   * @param dilationW the horizontal spacing of the kernel's taps {@code DW}
   * @param groups how many groups the channels are split into (both channel counts must be
   *     divisible by it); not part of the type
   * @param bias whether the layer learns a bias; not part of the type
   */
  public record Spec(long in, long out, long kernelH, long kernelW, long strideH, long strideW,
      long paddingH, long paddingW, long dilationH, long dilationW, long groups, boolean bias) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
     *     {@code groups} does not divide
     */
    public Spec {
      Convolutions.check("Conv2d", in, out, new long[] {kernelH, kernelW},
          new long[] {strideH, strideW}, new long[] {paddingH, paddingW},
          new long[] {dilationH, dilationW}, groups);
    }

    /**
     * The type's vector, {@code [Cin, Cout, KH, KW, SH, SW, PH, PW, DH, DW]}: what {@link
     * Conv2d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {in, out, kernelH, kernelW, strideH, strideW, paddingH, paddingW,
          dilationH, dilationW};
    }
  }

  /** A square kernel, stride 1, no padding, with bias. */
  @ShapeRule(value = Rule.CONV_CONTRACT, args = {"in", "out", "k", "1", "0", "1", "1"})
  public @Shape({"in", "out", "k", "k", "1", "1", "0", "0", "1", "1"}) Conv2d(
      @Dim long in, @Dim long out, @Dim long k) {
    this(in, out, k, k, 1, 1, 0, 0, 1, 1, 1, true);
  }

  /** A square kernel and stride, no padding, with bias: {@code nn.Conv2d(in, out, k, stride)}. */
  @ShapeRule(value = Rule.CONV_CONTRACT, args = {"in", "out", "k", "stride", "0", "1", "1"})
  public @Shape({"in", "out", "k", "k", "stride", "stride", "0", "0", "1", "1"}) Conv2d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long stride) {
    this(in, out, k, stride, 0);
  }

  /** A square kernel with square stride and padding, with bias. */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "k", "stride", "padding", "1", "1"})
  public @Shape({"in", "out", "k", "k", "stride", "stride", "padding", "padding", "1", "1"})
      Conv2d(@Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding) {
    this(in, out, k, k, stride, stride, padding, padding, 1, 1, 1, true);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @param groups how many groups the channels are split into (both channel counts must be
   *     divisible by it)
   * @param bias whether to learn a bias
   * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
   *     {@code groups} does not divide
   */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "[kh, kw]", "[sh, sw]", "[ph, pw]", "[dh, dw]", "groups"})
  public @Shape({"in", "out", "kh", "kw", "sh", "sw", "ph", "pw", "dh", "dw"}) Conv2d(
      @Dim long in, @Dim long out, @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw,
      @Dim long ph, @Dim long pw, @Dim long dh, @Dim long dw, long groups, boolean bias) {
    this(new Spec(in, out, kh, kw, sh, sw, ph, pw, dh, dw, groups, bias));
  }

  private Conv2d(Spec spec) {
    this.spec = spec;
    Tensor w = Torch.empty(spec.out, spec.in / spec.groups, spec.kernelH, spec.kernelW);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = spec.bias ? new Parameter(Checks.biasUniform(Torch.empty(spec.out), w)) : null;
  }

  /**
   * Applies the convolution.
   *
   * <p>Shape: {@code [N, Cin, H, W] -> [N, Cout, H', W']} as the class says ({@link
   * Rule#CONV_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 4-D,
   *     {@code [shape.mismatch.conv.channels]} if it has another channel count than {@code Cin},
   *     {@code [shape.conv.size]} if it is smaller than the dilated kernel
   */
  @Override
  @ShapeRule(value = Rule.CONV_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.conv2d(input, weight.get(), Checks.value(bias),
        new long[] {spec.strideH, spec.strideW}, new long[] {spec.paddingH, spec.paddingW},
        new long[] {spec.dilationH, spec.dilationW}, spec.groups);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The weight, {@code [Cout, Cin/groups, KH, KW]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias, {@code [Cout]}, or null. */
  public Parameter bias() {
    return bias;
  }

  /**
   * The type's vector, {@code [Cin, Cout, KH, KW, SH, SW, PH, PW, DH, DW]}: {@link
   * Spec#typeVector()} of {@link #spec()}.
   */
  public long[] hyperparameters() {
    return spec.typeVector();
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
    return Convolutions.repr("Conv2d", spec.in, spec.out, new long[] {spec.kernelH, spec.kernelW},
        new long[] {spec.strideH, spec.strideW}, new long[] {spec.paddingH, spec.paddingW},
        new long[] {spec.dilationH, spec.dilationW}, new long[] {0, 0}, spec.groups, spec.bias);
  }
}

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
 * A 3-D convolution over a batch of volumes (or clips of frames): PyTorch's {@code nn.Conv3d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "KD", "KH", "KW", "SD", "SH", "SW", "PD", "PH", "PW",
 * "DD", "DH", "DW"}) Conv3d}: channels in and out, then kernel, stride, padding and dilation
 * (depth, height, width each); by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Cin, D, H, W] -> [N, Cout, D', H', W']}, each output size as in {@code
 * F.conv3d}: {@code D' = (D + 2*PD - DD*(KD-1) - 1)/SD + 1}, rounding down, and likewise for
 * {@code H'} and {@code W'} ({@link Rule#CONV_LAYER}). Batched input only; {@code F.conv3d}
 * takes unbatched input.
 *
 * <p>Parameters: {@code weight} {@code [Cout, Cin/groups, KD, KH, KW]}, {@code bias} {@code
 * [Cout]} (absent without bias), both uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, {@code
 * fanIn = Cin/groups * KD * KH * KW}, as in PyTorch.
 */
public final class Conv3d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(Conv3d.class, "input");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A 3-D convolution's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param in the input channels {@code Cin}
   * @param out the output channels {@code Cout}
   * @param kernel the kernel's depth, height and width {@code {KD, KH, KW}}
   * @param stride the strides {@code {SD, SH, SW}}
   * @param padding the zeros added at both ends of each dim {@code {PD, PH, PW}}
   * @param dilation the spacing of the kernel's taps {@code {DD, DH, DW}}
   * @param groups how many groups the channels are split into (both channel counts must be
   *     divisible by it); not part of the type
   * @param bias whether the layer learns a bias; not part of the type
   */
  public record Spec(long in, long out, long[] kernel, long[] stride, long[] padding,
      long[] dilation, long groups, boolean bias) {
    /**
     * Checks the hyperparameters and copies the arrays.
     *
     * @throws IllegalArgumentException for arrays of other than 3 values, non-positive sizes,
     *     negative padding or channels that {@code groups} does not divide
     */
    public Spec {
      kernel = three("kernel", kernel);
      stride = three("stride", stride);
      padding = three("padding", padding);
      dilation = three("dilation", dilation);
      Convolutions.check("Conv3d", in, out, kernel, stride, padding, dilation, groups);
    }

    /** The kernel {@code {KD, KH, KW}} (a copy). */
    @Override
    public long[] kernel() {
      return kernel.clone();
    }

    /** The strides {@code {SD, SH, SW}} (a copy). */
    @Override
    public long[] stride() {
      return stride.clone();
    }

    /** The paddings {@code {PD, PH, PW}} (a copy). */
    @Override
    public long[] padding() {
      return padding.clone();
    }

    /** The dilations {@code {DD, DH, DW}} (a copy). */
    @Override
    public long[] dilation() {
      return dilation.clone();
    }

    /**
     * The type's vector, {@code [Cin, Cout, KD, KH, KW, SD, SH, SW, PD, PH, PW, DD, DH, DW]}:
     * what {@link Conv3d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {in, out, kernel[0], kernel[1], kernel[2], stride[0], stride[1],
          stride[2], padding[0], padding[1], padding[2], dilation[0], dilation[1], dilation[2]};
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spec s && java.util.Arrays.equals(typeVector(), s.typeVector())
          && groups == s.groups && bias == s.bias;
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(typeVector()) * 31 + Long.hashCode(groups)
          + (bias ? 1 : 0);
    }

    @Override
    public String toString() {
      return "Conv3d.Spec" + java.util.Arrays.toString(typeVector()) + ", groups " + groups
          + ", bias " + bias;
    }

    private static long[] three(String name, long[] values) {
      Arguments.requireNonNull(values, name);
      if (values.length != 3) {
        throw new IllegalArgumentException("Conv3d: the " + name + " needs 3 values (depth,"
            + " height, width), got " + java.util.Arrays.toString(values)
            + "; repeat one value for a cube");
      }
      return values.clone();
    }
  }

  /**
   * A cubic kernel with PyTorch's defaults, as {@code nn.Conv3d(in, out, k)}: stride 1, no
   * padding, dilation 1, one group, with bias.
   */
  @ShapeRule(value = Rule.CONV_CONTRACT, args = {"in", "out", "k", "1", "0", "1", "1"})
  public @Shape({"in", "out", "k", "k", "k", "1", "1", "1", "0", "0", "0", "1", "1", "1"})
      Conv3d(@Dim long in, @Dim long out, @Dim long k) {
    this(in, out, k, 1, 0);
  }

  /**
   * A cubic kernel with the same stride and padding in every dim, with bias, as {@code
   * nn.Conv3d(in, out, k, stride, padding)}.
   */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "k", "stride", "padding", "1", "1"})
  public @Shape({"in", "out", "k", "k", "k", "stride", "stride", "stride", "padding", "padding",
      "padding", "1", "1", "1"}) Conv3d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding) {
    this(new Spec(in, out, new long[] {k, k, k}, new long[] {stride, stride, stride},
        new long[] {padding, padding, padding}, new long[] {1, 1, 1}, 1, true));
  }

  /**
   * Every option, as {@link Spec} names them (depth, height, width in each group).
   *
   * @param groups how many groups the channels are split into (both channel counts must be
   *     divisible by it)
   * @param bias whether to learn a bias
   * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
   *     {@code groups} does not divide
   */
  @ShapeRule(value = Rule.CONV_CONTRACT, args = {"in", "out", "[kd, kh, kw]", "[sd, sh, sw]",
      "[pd, ph, pw]", "[dd, dh, dw]", "groups"})
  public @Shape({"in", "out", "kd", "kh", "kw", "sd", "sh", "sw", "pd", "ph", "pw", "dd", "dh",
      "dw"}) Conv3d(
      @Dim long in, @Dim long out, @Dim long kd, @Dim long kh, @Dim long kw, @Dim long sd,
      @Dim long sh, @Dim long sw, @Dim long pd, @Dim long ph, @Dim long pw, @Dim long dd,
      @Dim long dh, @Dim long dw, long groups, boolean bias) {
    this(new Spec(in, out, new long[] {kd, kh, kw}, new long[] {sd, sh, sw},
        new long[] {pd, ph, pw}, new long[] {dd, dh, dw}, groups, bias));
  }

  private Conv3d(Spec spec) {
    this.spec = spec;
    long[] k = spec.kernel;
    Tensor w = Torch.empty(spec.out, spec.in / spec.groups, k[0], k[1], k[2]);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = spec.bias ? new Parameter(Checks.biasUniform(Torch.empty(spec.out), w)) : null;
  }

  /**
   * Applies the convolution.
   *
   * <p>Shape: {@code [N, Cin, D, H, W] -> [N, Cout, D', H', W']} as the class says ({@link
   * Rule#CONV_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 5-D,
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
    return F.conv3d(input, weight.get(), Checks.value(bias), spec.stride, spec.padding,
        spec.dilation, spec.groups);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The weight, {@code [Cout, Cin/groups, KD, KH, KW]}. */
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

  /** As PyTorch prints it: {@code Conv3d(2, 4, kernel_size=(3, 3, 3), stride=(1, 1, 1))}. */
  @Override
  public String toString() {
    return Convolutions.repr("Conv3d", spec.in, spec.out, spec.kernel, spec.stride,
        spec.padding, spec.dilation, new long[] {0, 0, 0}, spec.groups, spec.bias);
  }
}

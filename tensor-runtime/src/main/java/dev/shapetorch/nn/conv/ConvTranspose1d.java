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
 * A 1-D transposed convolution (the gradient of Conv1d with respect to its input), which
 * lengthens sequences: PyTorch's {@code nn.ConvTranspose1d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "K", "S", "P", "OP", "D"}) ConvTranspose1d}: channels
 * in and out, kernel, stride, padding, output padding, dilation; by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Cin, L] -> [N, Cout, L']}, the output length as in {@code
 * F.convTranspose1d}: {@code L' = (L-1)*S - 2*P + D*(K-1) + OP + 1} ({@link
 * Rule#CONV_TRANSPOSE_LAYER}). Batched input only; {@code F.convTranspose1d} takes unbatched
 * input.
 *
 * <p>Parameters: {@code weight} {@code [Cin, Cout/groups, K]} (in-channels first), {@code bias}
 * {@code [Cout]}, uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} with {@code fanIn =
 * Cout/groups * K}, as PyTorch computes it from the weight.
 */
public final class ConvTranspose1d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD =
      Guard.forward(ConvTranspose1d.class, "input");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A 1-D transposed convolution's hyperparameters by name, as its constructor takes them; the
   * type's vector is {@link #typeVector()}.
   *
   * @param in the input channels {@code Cin}
   * @param out the output channels {@code Cout}
   * @param kernel the kernel's length {@code K}
   * @param stride the stride {@code S}
   * @param padding the elements the output loses at each end {@code P}
   * @param outputPadding the elements added at the end {@code OP}, smaller than the stride or
   *     the dilation
   * @param dilation the spacing of the kernel's taps {@code D}
   * @param groups how many groups the channels are split into; not part of the type
   * @param bias whether the layer learns a bias; not part of the type
   */
  public record Spec(long in, long out, long kernel, long stride, long padding,
      long outputPadding, long dilation, long groups, boolean bias) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException for non-positive sizes, negative paddings, an output
     *     padding not smaller than the stride or the dilation, or channels that {@code groups}
     *     does not divide
     */
    public Spec {
      String layer = "ConvTranspose1d";
      Convolutions.check(layer, in, out, new long[] {kernel}, new long[] {stride},
          new long[] {padding}, new long[] {dilation}, groups);
      Convolutions.checkOutputPadding(layer, new long[] {outputPadding}, new long[] {stride},
          new long[] {dilation});
    }

    /**
     * The type's vector, {@code [Cin, Cout, K, S, P, OP, D]}: what {@link
     * ConvTranspose1d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {in, out, kernel, stride, padding, outputPadding, dilation};
    }
  }

  /**
   * PyTorch's defaults, as {@code nn.ConvTranspose1d(in, out, k)}: stride 1, no padding or
   * output padding, dilation 1, one group, with bias.
   */
  @ShapeRule(value = Rule.CONV_CONTRACT, args = {"in", "out", "k", "1", "0", "1", "1"})
  public @Shape({"in", "out", "k", "1", "0", "0", "1"}) ConvTranspose1d(
      @Dim long in, @Dim long out, @Dim long k) {
    this(in, out, k, 1, 0, 0);
  }

  /** Stride, padding and output padding, with bias; dilation 1, one group. */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "k", "stride", "padding", "1", "1"})
  public @Shape({"in", "out", "k", "stride", "padding", "outputPadding", "1"}) ConvTranspose1d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding,
      @Dim long outputPadding) {
    this(in, out, k, stride, padding, outputPadding, 1, 1, true);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @throws IllegalArgumentException for non-positive sizes, negative paddings, an output
   *     padding not smaller than the stride or the dilation, or channels that {@code groups}
   *     does not divide
   */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "k", "stride", "padding", "dilation", "groups"})
  public @Shape({"in", "out", "k", "stride", "padding", "outputPadding", "dilation"})
      ConvTranspose1d(@Dim long in, @Dim long out, @Dim long k, @Dim long stride,
          @Dim long padding, @Dim long outputPadding, @Dim long dilation, long groups,
          boolean bias) {
    this(new Spec(in, out, k, stride, padding, outputPadding, dilation, groups, bias));
  }

  private ConvTranspose1d(Spec spec) {
    this.spec = spec;
    Tensor w = Torch.empty(spec.in, spec.out / spec.groups, spec.kernel);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = spec.bias ? new Parameter(Checks.biasUniform(Torch.empty(spec.out), w)) : null;
  }

  /**
   * Applies the transposed convolution.
   *
   * <p>Shape: {@code [N, Cin, L] -> [N, Cout, L']} as the class says ({@link
   * Rule#CONV_TRANSPOSE_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 3-D,
   *     {@code [shape.mismatch.conv.channels]} if it has another channel count than {@code Cin}
   */
  @Override
  @ShapeRule(value = Rule.CONV_TRANSPOSE_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.convTranspose1d(input, weight.get(), Checks.value(bias), spec.stride,
        spec.padding, spec.outputPadding, spec.groups, spec.dilation);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The weight, {@code [Cin, Cout/groups, K]}. */
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
   * As PyTorch prints it: {@code ConvTranspose1d(3, 2, kernel_size=(3,), stride=(2,),
   * padding=(1,), output_padding=(1,))}.
   */
  @Override
  public String toString() {
    return Convolutions.repr("ConvTranspose1d", spec.in, spec.out, new long[] {spec.kernel},
        new long[] {spec.stride}, new long[] {spec.padding}, new long[] {spec.dilation},
        new long[] {spec.outputPadding}, spec.groups, spec.bias);
  }
}

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
 * A 1-D convolution over a batch of sequences: PyTorch's {@code nn.Conv1d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "K", "S", "P", "D"}) Conv1d}: channels in and out,
 * kernel, stride, padding, dilation; by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Cin, L] -> [N, Cout, L']}, the output length as in {@code F.conv1d}:
 * {@code L' = (L + 2*P - D*(K-1) - 1)/S + 1}, rounding down ({@link Rule#CONV_LAYER}). Batched
 * input only; {@code F.conv1d} takes unbatched input.
 *
 * <p>Parameters: {@code weight} {@code [Cout, Cin/groups, K]}, {@code bias} {@code [Cout]},
 * both uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, {@code fanIn = Cin/groups * K}.
 */
public final class Conv1d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(Conv1d.class, "input");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A 1-D convolution's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param in the input channels {@code Cin}
   * @param out the output channels {@code Cout}
   * @param kernel the kernel's length {@code K}
   * @param stride the stride {@code S}
   * @param padding the zeros added at each end {@code P}
   * @param dilation the spacing of the kernel's taps {@code D}
   * @param groups how many groups the channels are split into; not part of the type
   * @param bias whether the layer learns a bias; not part of the type
   */
  public record Spec(long in, long out, long kernel, long stride, long padding, long dilation,
      long groups, boolean bias) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
     *     {@code groups} does not divide
     */
    public Spec {
      Convolutions.check("Conv1d", in, out, new long[] {kernel}, new long[] {stride},
          new long[] {padding}, new long[] {dilation}, groups);
    }

    /**
     * The type's vector, {@code [Cin, Cout, K, S, P, D]}: what {@link Conv1d#forward} is
     * checked with.
     */
    public long[] typeVector() {
      return new long[] {in, out, kernel, stride, padding, dilation};
    }
  }

  /** Stride 1, no padding, with bias. */
  @ShapeRule(value = Rule.CONV_CONTRACT, args = {"in", "out", "k", "1", "0", "1", "1"})
  public @Shape({"in", "out", "k", "1", "0", "1"}) Conv1d(
      @Dim long in, @Dim long out, @Dim long k) {
    this(in, out, k, 1, 0, 1, 1, true);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @param groups how many groups the channels are split into
   * @param bias whether to learn a bias
   * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
   *     {@code groups} does not divide
   */
  @ShapeRule(value = Rule.CONV_CONTRACT,
      args = {"in", "out", "k", "stride", "padding", "dilation", "groups"})
  public @Shape({"in", "out", "k", "stride", "padding", "dilation"}) Conv1d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding,
      @Dim long dilation, long groups, boolean bias) {
    this(new Spec(in, out, k, stride, padding, dilation, groups, bias));
  }

  private Conv1d(Spec spec) {
    this.spec = spec;
    Tensor w = Torch.empty(spec.out, spec.in / spec.groups, spec.kernel);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = spec.bias ? new Parameter(Checks.biasUniform(Torch.empty(spec.out), w)) : null;
  }

  /**
   * Applies the convolution.
   *
   * <p>Shape: {@code [N, Cin, L] -> [N, Cout, L']} as the class says ({@link Rule#CONV_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 3-D,
   *     {@code [shape.mismatch.conv.channels]} if it has another channel count than {@code Cin},
   *     {@code [shape.conv.size]} if it is shorter than the dilated kernel
   */
  @Override
  @ShapeRule(value = Rule.CONV_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.conv1d(input, weight.get(), Checks.value(bias), spec.stride, spec.padding,
        spec.dilation, spec.groups);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The weight, {@code [Cout, Cin/groups, K]}. */
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

  /** As PyTorch prints it: {@code Conv1d(3, 4, kernel_size=(3,), stride=(2,), padding=(1,))}. */
  @Override
  public String toString() {
    return Convolutions.repr("Conv1d", spec.in, spec.out, new long[] {spec.kernel},
        new long[] {spec.stride}, new long[] {spec.padding}, new long[] {spec.dilation},
        new long[] {0}, spec.groups, spec.bias);
  }
}

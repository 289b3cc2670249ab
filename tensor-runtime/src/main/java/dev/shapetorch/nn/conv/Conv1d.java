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
 * A 1-D convolution over a batch of sequences: PyTorch's {@code nn.Conv1d}.
 *
 * <p>Type: {@code @Shape({"Cin", "Cout", "K", "S", "P", "D"}) Conv1d}: channels in and out,
 * kernel, stride, padding, dilation.
 *
 * <p>Shape: {@code [N, Cin, L] -> [N, Cout, (L + 2*P - D*(K-1) - 1)/S + 1]} (batched input
 * only; {@code F.conv1d} takes unbatched input).
 *
 * <p>Parameters: {@code weight} {@code [Cout, Cin/groups, K]}, {@code bias} {@code [Cout]},
 * both uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, {@code fanIn = Cin/groups * K}.
 */
public final class Conv1d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(Conv1d.class, "input");

  private final long[] hyper;
  private final long groups;
  private final Parameter weight;
  private final Parameter bias;

  /** Stride 1, no padding, with bias. */
  public @Shape({"in", "out", "k", "1", "0", "1"}) Conv1d(
      @Dim long in, @Dim long out, @Dim long k) {
    this(in, out, k, 1, 0, 1, 1, true);
  }

  /**
   * Every option.
   *
   * @param groups how many groups the channels are split into
   * @param bias whether to learn a bias
   * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
   *     {@code groups} does not divide
   */
  public @Shape({"in", "out", "k", "stride", "padding", "dilation"}) Conv1d(
      @Dim long in, @Dim long out, @Dim long k, @Dim long stride, @Dim long padding,
      @Dim long dilation, long groups, boolean bias) {
    String layer = "Conv1d";
    Checks.positive(layer, "in", in);
    Checks.positive(layer, "out", out);
    Checks.positive(layer, "kernel", k);
    Checks.positive(layer, "stride", stride);
    Checks.nonNegative(layer, "padding", padding);
    Checks.positive(layer, "dilation", dilation);
    Checks.groups(layer, in, out, groups);
    this.hyper = new long[] {in, out, k, stride, padding, dilation};
    this.groups = groups;
    Tensor w = Torch.empty(out, in / groups, k);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = bias ? new Parameter(Checks.biasUniform(Torch.empty(out), w)) : null;
  }

  /**
   * Applies the convolution.
   *
   * <p>Shape: {@code [N, Cin, L] -> [N, Cout, (L + 2*P - D*(K-1) - 1)/S + 1]}.
   */
  @Override
  public @Shape({"N", "Cout", "(L+2*P-D*(K-1)-1)/S+1"}) Tensor forward(
      @Shape({"Cin", "Cout", "K", "S", "P", "D"}) Conv1d this,
      @Shape({"N", "Cin", "L"}) Tensor input) {
    FORWARD.check(hyper, input);
    return F.conv1d(input, weight.get(), Checks.value(bias), hyper[3], hyper[4], hyper[5], groups);
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
    StringBuilder sb = new StringBuilder("Conv1d(").append(hyper[0]).append(", ")
        .append(hyper[1]).append(", kernel_size=(").append(hyper[2]).append(",), stride=(")
        .append(hyper[3]).append(",)");
    if (hyper[4] != 0) {
      sb.append(", padding=(").append(hyper[4]).append(",)");
    }
    if (hyper[5] != 1) {
      sb.append(", dilation=(").append(hyper[5]).append(",)");
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

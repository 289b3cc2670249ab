package dev.shapetorch.nn.linear;

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
 * A fully connected layer, {@code y = x W^T + b}: PyTorch's {@code nn.Linear}.
 *
 * <p>Type: {@code @Shape({"In", "Out"}) Linear}, the in- and out-features.
 *
 * <p>Shape: {@code [*batch, In] -> [*batch, Out]}.
 *
 * <p>Parameters: {@code weight} {@code [Out, In]}, {@code bias} {@code [Out]} (absent when
 * built without bias). Both start uniform in {@code [-1/sqrt(In), 1/sqrt(In)]}, as in PyTorch
 * (Kaiming-uniform with {@code a = sqrt(5)} for the weight).
 */
public final class Linear extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(Linear.class, "input");

  private final long inFeatures;
  private final long outFeatures;
  private final Parameter weight;
  private final Parameter bias;

  /** A layer with a bias. */
  public @Shape({"in", "out"}) Linear(@Dim long in, @Dim long out) {
    this(in, out, true);
  }

  /**
   * A layer, with or without a bias.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"in", "out"}) Linear(@Dim long in, @Dim long out, boolean bias) {
    Checks.positive("Linear", "in", in);
    Checks.positive("Linear", "out", out);
    this.inFeatures = in;
    this.outFeatures = out;
    Tensor w = Torch.empty(out, in);
    this.weight = new Parameter(Checks.kaimingUniformDefault(w));
    this.bias = bias ? new Parameter(Checks.biasUniform(Torch.empty(out), w)) : null;
  }

  /**
   * Applies the layer.
   *
   * <p>Shape: {@code [*batch, In] -> [*batch, Out]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.argument]} if the
   *     input's last dimension is not {@code In}
   */
  @Override
  public @Shape({"*batch", "Out"}) Tensor forward(
      @Shape({"In", "Out"}) Linear this, @Shape({"*batch", "In"}) Tensor input) {
    FORWARD.check(new long[] {inFeatures, outFeatures}, input);
    return F.linear(input, weight.get(), Checks.value(bias));
  }

  /** The weight, {@code [Out, In]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias, {@code [Out]}, or null when built without one. */
  public Parameter bias() {
    return bias;
  }

  /** {@code In}. */
  public long inFeatures() {
    return inFeatures;
  }

  /** {@code Out}. */
  public long outFeatures() {
    return outFeatures;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
    visitor.parameter("bias", bias);
  }

  /** As PyTorch prints it: {@code Linear(in_features=4, out_features=5, bias=True)}. */
  @Override
  public String toString() {
    return "Linear(in_features="
        + inFeatures
        + ", out_features="
        + outFeatures
        + ", bias="
        + Checks.pyBool(bias != null)
        + ")";
  }
}

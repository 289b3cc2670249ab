package dev.shapetorch.nn.linear;

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
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A fully connected layer, {@code y = x W^T + b}: PyTorch's {@code nn.Linear}.
 *
 * <p>Type: {@code @Shape({"In", "Out"}) Linear}, the in- and out-features; by name, {@link
 * Spec}.
 *
 * <p>Shape: {@code [*batch, In] -> [*batch, Out]}.
 *
 * <p>Parameters: {@code weight} {@code [Out, In]}, {@code bias} {@code [Out]} (absent when
 * built without bias). Both start uniform in {@code [-1/sqrt(In), 1/sqrt(In)]}, as in PyTorch
 * (Kaiming-uniform with {@code a = sqrt(5)} for the weight).
 */
public final class Linear extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(Linear.class, "input");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A linear layer's hyperparameters by name, as its constructor takes them; the type's vector
   * is {@link #typeVector()}.
   *
   * @param in the input features {@code In}
   * @param out the output features {@code Out}
   * @param bias whether the layer learns a bias; not part of the type
   */
  public record Spec(long in, long out, boolean bias) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public Spec {
      Checks.positive("Linear", "in", in);
      Checks.positive("Linear", "out", out);
    }

    /** The type's vector, {@code [In, Out]}: what {@link Linear#forward} is checked with. */
    public long[] typeVector() {
      return new long[] {in, out};
    }
  }

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
    this.spec = new Spec(in, out, bias);
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
    return runForward(input, x -> {
      FORWARD.check(spec.typeVector(), x);
      return F.linear(x, weight.get(), Checks.value(bias));
    });
  }

  /** The weight, {@code [Out, In]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias, {@code [Out]}, or null when built without one. */
  public Parameter bias() {
    return bias;
  }

  /** {@code In}: {@link Spec#in()} of {@link #spec()}. */
  public long inFeatures() {
    return spec.in;
  }

  /** {@code Out}: {@link Spec#out()} of {@link #spec()}. */
  public long outFeatures() {
    return spec.out;
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
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
    return "Linear(in_features=" + spec.in + ", out_features=" + spec.out + ", bias="
        + Checks.pyBool(spec.bias) + ")";
  }
}

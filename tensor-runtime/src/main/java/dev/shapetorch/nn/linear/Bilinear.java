package dev.shapetorch.nn.linear;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A bilinear map of two inputs, {@code y[o] = x1 W[o] x2^T + b[o]}: PyTorch's {@code
 * nn.Bilinear}.
 *
 * <p>Type: {@code @Shape({"In1", "In2", "Out"}) Bilinear}; by name, {@link Spec}.
 *
 * <p>Shape: {@code [*batch, In1], [*batch, In2] -> [*batch, Out]}.
 *
 * <p>Parameters: {@code weight} {@code [Out, In1, In2]}, {@code bias} {@code [Out]}, both
 * uniform in {@code [-1/sqrt(In1), 1/sqrt(In1)]}, as in PyTorch.
 */
public final class Bilinear extends AbstractModule {
  private static final ForwardContract FORWARD =
      Guard.forward(Bilinear.class, "input1", "input2");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A bilinear layer's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param in1 the first input's features {@code In1}
   * @param in2 the second input's features {@code In2}
   * @param out the output features {@code Out}
   * @param bias whether the layer learns a bias; not part of the type
   */
  public record Spec(long in1, long in2, long out, boolean bias) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public Spec {
      Checks.positive("Bilinear", "in1", in1);
      Checks.positive("Bilinear", "in2", in2);
      Checks.positive("Bilinear", "out", out);
    }

    /**
     * The type's vector, {@code [In1, In2, Out]}: what {@link Bilinear#forward} is checked
     * with.
     */
    public long[] typeVector() {
      return new long[] {in1, in2, out};
    }
  }

  /** With a bias. */
  public @Shape({"in1", "in2", "out"}) Bilinear(@Dim long in1, @Dim long in2, @Dim long out) {
    this(in1, in2, out, true);
  }

  /**
   * With or without a bias.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"in1", "in2", "out"}) Bilinear(
      @Dim long in1, @Dim long in2, @Dim long out, boolean bias) {
    this.spec = new Spec(in1, in2, out, bias);
    double bound = 1.0 / Math.sqrt(in1);
    this.weight = new Parameter(Init.uniform_(Torch.empty(out, in1, in2), -bound, bound));
    this.bias = bias ? new Parameter(Init.uniform_(Torch.empty(out), -bound, bound)) : null;
  }

  /**
   * Applies the map.
   *
   * <p>Shape: {@code [*batch, In1], [*batch, In2] -> [*batch, Out]}.
   */
  public @Shape({"*batch", "Out"}) Tensor forward(
      @Shape({"In1", "In2", "Out"}) Bilinear this,
      @Shape({"*batch", "In1"}) Tensor input1,
      @Shape({"*batch", "In2"}) Tensor input2) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input1, input2);
  }

  private Tensor forwardBody(Tensor input1, Tensor input2) {
    FORWARD.check(spec.typeVector(), input1, input2);
    return F.bilinear(input1, input2, weight.get(), Checks.value(bias));
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The weight, {@code [Out, In1, In2]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias, {@code [Out]}, or null. */
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
    return "Bilinear(in1_features=" + spec.in1 + ", in2_features=" + spec.in2
        + ", out_features=" + spec.out + ", bias=" + Checks.pyBool(spec.bias) + ")";
  }
}

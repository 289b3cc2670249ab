package dev.shapetorch.nn.activation;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * {@code x} where positive, {@code weight * x} elsewhere, with a learnt slope, as a module:
 * PyTorch's {@code nn.PReLU}. One slope for every element ({@code numParameters = 1}) or one per
 * channel, dim 1 of the input.
 *
 * <p>Shape: {@code [*s] -> [*s]}; with {@code numParameters > 1} the input's dim 1 must have
 * {@code numParameters} channels.
 *
 * <p>Parameters: {@code weight} {@code [numParameters]}, filled with {@code init}.
 */
public final class PReLU extends AbstractModule implements UnaryModule {
  private final Parameter weight;
  private final long numParameters;

  /** With PyTorch's defaults: one slope, initialised to 0.25. */
  public PReLU() {
    this(1, 0.25);
  }

  /**
   * With the given options.
   *
   * @param numParameters the number of slopes: 1, or the input's channel count
   * @param init the initial value of every slope
   * @throws IllegalArgumentException if {@code numParameters} is below 1
   */
  public PReLU(long numParameters, double init) {
    if (numParameters < 1) {
      throw new IllegalArgumentException("PReLU: numParameters must be 1 or the channel count"
          + " (dim 1 of the input), got " + numParameters);
    }
    this.numParameters = numParameters;
    this.weight = new Parameter(Torch.full(new long[] {numParameters}, init));
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the module has several slopes and the
   *     input's dim 1 is not that many channels
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.prelu(x, weight.get()));
  }

  /** The slopes, {@code [numParameters]}. */
  public Parameter weight() {
    return weight;
  }

  /** The number of slopes. */
  public long numParameters() {
    return numParameters;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
  }

  /** As PyTorch prints it: {@code PReLU(num_parameters=1)}. */
  @Override
  public String toString() {
    return "PReLU(num_parameters=" + numParameters + ")";
  }
}

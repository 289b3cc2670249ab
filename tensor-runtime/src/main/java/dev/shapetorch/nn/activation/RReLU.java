package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * The randomized leaky ReLU, as a module: PyTorch's {@code nn.RReLU(lower, upper)}. {@code x}
 * where {@code x >= 0}, {@code a * x} elsewhere; in training mode each element draws its slope
 * {@code a} uniformly from {@code [lower, upper]}, in eval mode {@code a = (lower + upper) / 2}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class RReLU extends AbstractModule implements UnaryModule {
  private final double lower;
  private final double upper;

  /** With PyTorch's defaults ({@code lower = 1/8}, {@code upper = 1/3}). */
  public RReLU() {
    this(1.0 / 8, 1.0 / 3);
  }

  /**
   * With the given bounds of the slopes.
   *
   * @throws IllegalArgumentException if {@code lower > upper}
   */
  public RReLU(double lower, double upper) {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("RReLU: lower must be <= upper, got lower " + lower
          + " and upper " + upper + "; PyTorch's defaults are 1/8 and 1/3");
    }
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * Applies the activation, drawing slopes in training mode ({@link #isTraining()}).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.rrelu(x, lower, upper, isTraining()));
  }

  /** The lower bound of the slopes. */
  public double lower() {
    return lower;
  }

  /** The upper bound of the slopes. */
  public double upper() {
    return upper;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code RReLU(lower=0.125, upper=0.3333333333333333)}. */
  @Override
  public String toString() {
    return "RReLU(lower=" + Checks.pyFloat(lower) + ", upper=" + Checks.pyFloat(upper) + ")";
  }
}

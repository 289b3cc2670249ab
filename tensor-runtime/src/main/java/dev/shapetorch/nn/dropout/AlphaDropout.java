package dev.shapetorch.nn.dropout;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Alpha dropout, for self-normalising (SELU) networks: in training mode, each element is set
 * with probability {@code p} to SELU's negative saturation value and an affine map keeps the
 * mean and variance of a standard normal input; in evaluation mode ({@link #eval()}), the
 * identity. PyTorch's {@code nn.AlphaDropout}.
 *
 * <p>PyTorch's {@code inplace=True} is not supported: the layer always returns a new tensor
 * (its repr says {@code inplace=False}).
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class AlphaDropout extends AbstractModule implements UnaryModule {
  private final double p;

  /** {@code p = 0.5}. */
  public AlphaDropout() {
    this(0.5);
  }

  /**
   * With drop probability {@code p}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
   */
  public AlphaDropout(double p) {
    Checks.probability("AlphaDropout", p);
    this.p = p;
  }

  /**
   * Applies the dropout in training mode; returns the input in evaluation mode.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if the input's rank is not one the class lists
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.alphaDropout(x, p, isTraining()));
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code AlphaDropout(p=0.5, inplace=False)}. */
  @Override
  public String toString() {
    return "AlphaDropout(p=" + Checks.pyFloat(p) + ", inplace=False)";
  }
}

package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code x} where positive, {@code negativeSlope * x} elsewhere, elementwise, as a module: PyTorch's {@code nn.LeakyReLU}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class LeakyReLU extends AbstractModule implements UnaryModule {
  private final double negativeSlope;

  /** With PyTorch's default (negativeSlope = 0.01). */
  public LeakyReLU() {
    this(0.01);
  }

  /**
   * With the given options.
   *
   * @param negativeSlope the slope for negative inputs
   */
  public LeakyReLU(double negativeSlope) {
    this.negativeSlope = negativeSlope;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.leakyRelu(x, negativeSlope));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "LeakyReLU(negative_slope=" + Checks.pyFloat(negativeSlope) + ")";
  }
}

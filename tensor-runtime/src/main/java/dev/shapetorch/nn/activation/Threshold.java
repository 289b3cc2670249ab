package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code x} where {@code x > threshold}, {@code value} elsewhere, as a module: PyTorch's {@code nn.Threshold}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Threshold extends AbstractModule implements UnaryModule {
  private final double threshold;
  private final double value;

  /**
   * With the given options.
   *
   * @param threshold the threshold
   * @param value what replaces the elements not above it
   * @throws IllegalArgumentException if an option is out of its range
   */
  public Threshold(double threshold, double value) {
    this.threshold = threshold;
    this.value = value;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.threshold(x, threshold, value));
  }

  /** {@code threshold}. */
  public double threshold() {
    return threshold;
  }

  /** {@code value}. */
  public double value() {
    return value;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "Threshold(threshold=" + Checks.pyFloat(threshold) + ", value=" + Checks.pyFloat(value) + ")";
  }
}

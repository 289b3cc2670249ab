package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code x} clamped to {@code [minVal, maxVal]}, elementwise, as a module: PyTorch's {@code nn.Hardtanh}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Hardtanh extends AbstractModule implements UnaryModule {
  private final double minVal;
  private final double maxVal;

  /** With PyTorch's defaults (minVal = -1, maxVal = 1). */
  public Hardtanh() {
    this(-1.0, 1.0);
  }

  /**
   * With the given options.
   *
   * @param minVal the lower bound
   * @param maxVal the upper bound, above {@code minVal}
   * @throws IllegalArgumentException if an option is out of its range
   */
  public Hardtanh(double minVal, double maxVal) {
    if (!(maxVal > minVal)) {
      throw new IllegalArgumentException("Hardtanh: maxVal must be greater than minVal, got"
          + " minVal " + minVal + " and maxVal " + maxVal);
    }
    this.minVal = minVal;
    this.maxVal = maxVal;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.hardtanh(x, minVal, maxVal));
  }

  /** {@code minVal}. */
  public double minVal() {
    return minVal;
  }

  /** {@code maxVal}. */
  public double maxVal() {
    return maxVal;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "Hardtanh(min_val=" + Checks.pyFloat(minVal) + ", max_val=" + Checks.pyFloat(maxVal) + ")";
  }
}

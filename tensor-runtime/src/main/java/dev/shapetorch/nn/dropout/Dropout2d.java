package dev.shapetorch.nn.dropout;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Zeroes whole channels (feature maps): in training mode, each channel {@code input[n, c]} of
 * {@code [N, C, H, W]} (or {@code [C, H, W]}, unbatched) is zeroed with probability {@code p}
 * and the others are scaled by {@code 1/(1-p)}; in evaluation mode ({@link #eval()}), the
 * identity. PyTorch's {@code nn.Dropout2d}; a 3-dim input is one unbatched image, as PyTorch's
 * documentation says (PyTorch 1.13 itself warns and drops along its dim 1).
 *
 * <p>PyTorch's {@code inplace=True} is not supported: the layer always returns a new tensor
 * (its repr says {@code inplace=False}).
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]}, {@code [C, H, W] -> [C, H, W]}.
 */
public final class Dropout2d extends AbstractModule implements UnaryModule {
  private final double p;

  /** {@code p = 0.5}. */
  public Dropout2d() {
    this(0.5);
  }

  /**
   * With drop probability {@code p}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
   */
  public Dropout2d(double p) {
    Checks.probability("Dropout2d", p);
    this.p = p;
  }

  /**
   * Applies the dropout in training mode; returns the input in evaluation mode.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]}, {@code [C, H, W] -> [C, H, W]}.
   *
   * @throws IllegalArgumentException if the input's rank is not one the class lists
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.dropout2d(x, p, isTraining()));
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Dropout2d(p=0.5, inplace=False)}. */
  @Override
  public String toString() {
    return "Dropout2d(p=" + Checks.pyFloat(p) + ", inplace=False)";
  }
}

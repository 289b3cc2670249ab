package dev.shapetorch.nn.dropout;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Zeroes whole channels (feature volumes): in training mode, each channel {@code input[n, c]}
 * of {@code [N, C, D, H, W]} (or {@code [C, D, H, W]}, unbatched) is zeroed with probability
 * {@code p} and the others are scaled by {@code 1/(1-p)}; in evaluation mode ({@link
 * #eval()}), the identity. PyTorch's {@code nn.Dropout3d}.
 *
 * <p>PyTorch's {@code inplace=True} is not supported: the layer always returns a new tensor
 * (its repr says {@code inplace=False}).
 *
 * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D, H, W]}, {@code [C, D, H, W] -> [C, D, H, W]}.
 */
public final class Dropout3d extends AbstractModule implements UnaryModule {
  private final double p;

  /** {@code p = 0.5}. */
  public Dropout3d() {
    this(0.5);
  }

  /**
   * With drop probability {@code p}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
   */
  public Dropout3d(double p) {
    Checks.probability("Dropout3d", p);
    this.p = p;
  }

  /**
   * Applies the dropout in training mode; returns the input in evaluation mode.
   *
   * <p>Shape: {@code [N, C, D, H, W] -> [N, C, D, H, W]}, {@code [C, D, H, W] -> [C, D, H, W]}.
   *
   * @throws IllegalArgumentException if the input's rank is not one the class lists
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.dropout3d(x, p, isTraining()));
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Dropout3d(p=0.5, inplace=False)}. */
  @Override
  public String toString() {
    return "Dropout3d(p=" + Checks.pyFloat(p) + ", inplace=False)";
  }
}

package dev.shapetorch.nn.dropout;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Dropout: in training mode, zeroes each element with probability {@code p} and scales the
 * others by {@code 1/(1-p)}; in evaluation mode ({@link #eval()}), the identity. PyTorch's
 * {@code nn.Dropout}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Dropout extends AbstractModule implements UnaryModule {
  private final double p;

  /** {@code p = 0.5}. */
  public Dropout() {
    this(0.5);
  }

  /**
   * With drop probability {@code p}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
   */
  public Dropout(double p) {
    Checks.probability("Dropout", p);
    this.p = p;
  }

  /**
   * Applies dropout in training mode; returns the input in evaluation mode.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.dropout(x, p, isTraining()));
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Dropout(p=0.5, inplace=False)}. */
  @Override
  public String toString() {
    return "Dropout(p=" + Checks.pyFloat(p) + ", inplace=False)";
  }
}

package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code x} where {@code |x| > lambd}, 0 elsewhere, as a module: PyTorch's {@code nn.Hardshrink}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Hardshrink extends AbstractModule implements UnaryModule {
  private final double lambd;

  /** With PyTorch's default (lambd = 0.5). */
  public Hardshrink() {
    this(0.5);
  }

  /**
   * With the given options.
   *
   * @param lambd the threshold, not negative
   * @throws IllegalArgumentException if an option is out of its range
   */
  public Hardshrink(double lambd) {
    if (!(lambd >= 0)) {
      throw new IllegalArgumentException("Hardshrink: lambd must be greater than or equal to 0, got "
          + lambd);
    }
    this.lambd = lambd;
  }

  /**
   * Applies the activation.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.hardshrink(x, lambd));
  }

  /** {@code lambd}. */
  public double lambd() {
    return lambd;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "Hardshrink(" + Checks.pyFloat(lambd) + ")";
  }
}

package dev.shapetorch.nn.activation;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code x - lambd} above {@code lambd}, {@code x + lambd} below {@code -lambd}, 0 between, as a module: PyTorch's {@code nn.Softshrink}.
 *
 * <p>Shape: {@code [*s] -> [*s]}.
 */
public final class Softshrink extends AbstractModule implements UnaryModule {
  private final double lambd;

  /** With PyTorch's default (lambd = 0.5). */
  public Softshrink() {
    this(0.5);
  }

  /**
   * With the given options.
   *
   * @param lambd the threshold, not negative
   * @throws IllegalArgumentException if an option is out of its range
   */
  public Softshrink(double lambd) {
    if (!(lambd >= 0)) {
      throw new IllegalArgumentException("Softshrink: lambd must be greater than or equal to 0, got "
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
    return runForward(input, x -> F.softshrink(x, lambd));
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
    return "Softshrink(" + Checks.pyFloat(lambd) + ")";
  }
}

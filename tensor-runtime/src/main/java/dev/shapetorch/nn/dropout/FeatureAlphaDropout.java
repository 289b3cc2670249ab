package dev.shapetorch.nn.dropout;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Alpha dropout of whole channels: as {@link AlphaDropout}, but each channel {@code input[n,
 * c]} of {@code [N, C, *]} is dropped as a whole; in evaluation mode ({@link #eval()}), the
 * identity. PyTorch's {@code nn.FeatureAlphaDropout}.
 *
 * <p>PyTorch's {@code inplace=True} is not supported: the layer always returns a new tensor
 * (its repr says {@code inplace=False}).
 *
 * <p>Shape: {@code [N, C, *] -> [N, C, *]}.
 */
public final class FeatureAlphaDropout extends AbstractModule implements UnaryModule {
  private final double p;

  /** {@code p = 0.5}. */
  public FeatureAlphaDropout() {
    this(0.5);
  }

  /**
   * With drop probability {@code p}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
   */
  public FeatureAlphaDropout(double p) {
    Checks.probability("FeatureAlphaDropout", p);
    this.p = p;
  }

  /**
   * Applies the dropout in training mode; returns the input in evaluation mode.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}.
   *
   * @throws IllegalArgumentException if the input's rank is not one the class lists
   */
  @Override
  public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
    return runForward(input, x -> F.featureAlphaDropout(x, p, isTraining()));
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code FeatureAlphaDropout(p=0.5, inplace=False)}. */
  @Override
  public String toString() {
    return "FeatureAlphaDropout(p=" + Checks.pyFloat(p) + ", inplace=False)";
  }
}

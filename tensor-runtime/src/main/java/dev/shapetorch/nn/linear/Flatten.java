package dev.shapetorch.nn.linear;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.tensor.Tensor;

/**
 * Flattens a range of dims into one: PyTorch's {@code nn.Flatten(startDim=1, endDim=-1)}, which
 * by default turns {@code [N, C, H, W]} into {@code [N, C*H*W]}.
 *
 * <p>Shape: {@code [d0, ..., ds, ..., de, ...] -> [d0, ..., ds*...*de, ...]}; checked at run time
 * by {@code Tensor.flatten}'s rule (the dims are values, not part of the type, so the checker
 * leaves the result unknown; for a checked flatten call {@code x.flatten(1)}).
 */
public final class Flatten extends AbstractModule implements UnaryModule {
  private final int startDim;
  private final int endDim;

  /** From dim 1 to the last, as {@code nn.Flatten()}. */
  public Flatten() {
    this(1, -1);
  }

  /** From {@code startDim} to {@code endDim}, inclusive (negative dims count from the end). */
  public Flatten(int startDim, int endDim) {
    this.startDim = startDim;
    this.endDim = endDim;
  }

  /**
   * Flattens.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public Tensor forward(Tensor input) {
    return runForward(input, x -> Arguments.requireNonNull(x, "input").flatten(startDim, endDim));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Flatten(start_dim=1, end_dim=-1)}. */
  @Override
  public String toString() {
    return "Flatten(start_dim=" + startDim + ", end_dim=" + endDim + ")";
  }
}

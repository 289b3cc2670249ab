package dev.shapetorch.nn.linear;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.tensor.Tensor;

/**
 * Splits one dim into several, the inverse of {@link Flatten}: PyTorch's {@code
 * nn.Unflatten(dim, unflattened_size)}, which with {@code dim = 1}, sizes {@code (C, H, W)} turns
 * {@code [N, C*H*W]} into {@code [N, C, H, W]}.
 *
 * <p>Shape: {@code [..., d, ...] -> [..., s0, ..., sk, ...]} where the sizes' product is {@code
 * d} (one size may be {@code -1}, inferred); checked at run time by {@code Tensor.unflatten}'s
 * rule (the sizes are values, not part of the type, so the checker leaves the result unknown;
 * for a checked call {@code x.unflatten(1, 16, 7, 7)}).
 */
public final class Unflatten extends AbstractModule implements UnaryModule {
  private final int dim;
  private final long[] sizes;

  /**
   * Splits dim {@code dim} (negative counts from the end) into {@code sizes}.
   *
   * @throws IllegalArgumentException if {@code sizes} is empty or holds a size below 1 other
   *     than one {@code -1}
   */
  public Unflatten(int dim, long... sizes) {
    Arguments.requireNonNull(sizes, "sizes");
    if (sizes.length == 0) {
      throw new IllegalArgumentException(
          "Unflatten: sizes is empty; give the sizes dim " + dim + " is split into");
    }
    int inferred = 0;
    for (long s : sizes) {
      if (s == -1) {
        inferred++;
      } else if (s < 1) {
        throw new IllegalArgumentException("Unflatten: size " + s + " in " + Checks.tuple(sizes)
            + " is not positive; each size must be positive, or -1 (once) to infer it");
      }
    }
    if (inferred > 1) {
      throw new IllegalArgumentException("Unflatten: sizes " + Checks.tuple(sizes)
          + " hold -1 more than once; only one size can be inferred");
    }
    this.dim = dim;
    this.sizes = sizes.clone();
  }

  /**
   * Splits the dim.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public Tensor forward(Tensor input) {
    return runForward(input, x -> Arguments.requireNonNull(x, "input").unflatten(dim, sizes));
  }

  /** The dim that is split. */
  public int dim() {
    return dim;
  }

  /** The sizes it is split into (a copy). */
  public long[] sizes() {
    return sizes.clone();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Unflatten(dim=1, unflattened_size=(2, 5))}. */
  @Override
  public String toString() {
    return "Unflatten(dim=" + dim + ", unflattened_size=" + Checks.tuple(sizes) + ")";
  }
}

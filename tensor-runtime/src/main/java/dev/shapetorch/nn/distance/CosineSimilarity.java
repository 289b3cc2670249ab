package dev.shapetorch.nn.distance;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Tensor;

/**
 * The cosine similarity of two tensors along a dim, {@code x1.x2 / max(||x1|| ||x2||, eps)}, as a
 * module: PyTorch's {@code nn.CosineSimilarity(dim=1, eps=1e-8)}.
 *
 * <p>Shape: {@code x1} and {@code x2} broadcast, then {@code dim} is removed: {@code [N, D, *],
 * [N, D, *] -> [N, *]} for {@code dim = 1}; checked at run time by {@code F.cosineSimilarity}'s
 * rule (the dim is a value, not part of the type, so the checker leaves the result unknown; for a
 * checked call {@code F.cosineSimilarity(x1, x2, 1, 1e-8)}).
 */
public final class CosineSimilarity extends AbstractModule {
  private final int dim;
  private final double eps;

  /** PyTorch's defaults: along dim 1, {@code eps = 1e-8}. */
  public CosineSimilarity() {
    this(1, 1e-8);
  }

  /** Along {@code dim} (negative counts from the end), {@code eps = 1e-8}. */
  public CosineSimilarity(int dim) {
    this(dim, 1e-8);
  }

  /**
   * Along {@code dim} (negative counts from the end), the norms' product at least {@code eps}.
   */
  public CosineSimilarity(int dim, double eps) {
    this.dim = dim;
    this.eps = eps;
  }

  /**
   * The cosine similarity of {@code x1} and {@code x2} along the layer's dim.
   *
   * <p>Shape: {@code x1}, {@code x2} broadcast, then the dim is removed.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the inputs do not broadcast or the dim is out
   *     of range
   */
  public Tensor forward(Tensor x1, Tensor x2) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), x1, x2);
  }

  private Tensor forwardBody(Tensor x1, Tensor x2) {
    return F.cosineSimilarity(x1, x2, dim, eps);
  }

  /** The dim of the vectors. */
  public int dim() {
    return dim;
  }

  /** The smallest divisor. */
  public double eps() {
    return eps;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code CosineSimilarity()} (it prints no arguments). */
  @Override
  public String toString() {
    return "CosineSimilarity()";
  }
}

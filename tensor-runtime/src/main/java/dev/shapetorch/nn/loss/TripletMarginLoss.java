package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code max(d(a, p) - d(a, n) + margin, 0)}, {@code d} the pairwise p-norm distance, reduced: PyTorch's {@code nn.TripletMarginLoss}.
 *
 * <p>Shape: {@code [N, D] x 3 -> []} (or {@code [N]} with {@link Reduction#NONE}); one triplet {@code [D] x 3}.
 */
public final class TripletMarginLoss extends AbstractLoss {
  private final double margin;
  private final double p;
  private final double eps;
  private final boolean swap;

  /** With PyTorch's defaults (margin 1, p 2, eps 1e-6, no swap, {@link Reduction#MEAN}). */
  public TripletMarginLoss() {
    this(1.0, 2.0, 1e-6, false, Reduction.MEAN);
  }

  /**
   * With the given options.
   *
   * @param margin greater than 0
   * @param p the norm's exponent
   * @param eps added to the differences
   * @param swap use {@code min(d(a, n), d(p, n))} as the negative distance
   * @param reduction how the per-triplet losses are reduced
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}, or {@code margin} is not positive
   */
  public TripletMarginLoss(double margin, double p, double eps, boolean swap, Reduction reduction) {
    super("TripletMarginLoss", reduction);
    if (!(margin > 0)) {
      throw new IllegalArgumentException("TripletMarginLoss: margin must be greater than 0, got "
          + margin);
    }
    this.margin = margin;
    this.p = p;
    this.eps = eps;
    this.swap = swap;
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [N, D] x 3 -> []} (or {@code [N]} with {@link Reduction#NONE}); one triplet {@code [D] x 3}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the shapes do not fit together
   */
  public Tensor forward(@Shape({"*b", "D"}) Tensor anchor, @Shape({"*b", "D"}) Tensor positive, @Shape({"*b", "D"}) Tensor negative) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        anchor, positive, negative);
  }

  private Tensor forwardBody(Tensor anchor, Tensor positive, Tensor negative) {
    return F.tripletMarginLoss(anchor, positive, negative, margin, p, eps, swap, reduction());
  }

  /** {@code margin}. */
  public double margin() {
    return margin;
  }

  /** {@code p}. */
  public double p() {
    return p;
  }

  /** {@code eps}. */
  public double eps() {
    return eps;
  }

  /** {@code swap}. */
  public boolean swap() {
    return swap;
  }
}

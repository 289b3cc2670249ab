package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code max(0, -target * (x1 - x2) + margin)}, elementwise, reduced ({@code target} 1: {@code x1} should rank higher, -1: lower): PyTorch's {@code nn.MarginRankingLoss}.
 *
 * <p>Shape: {@code [*s], [*s], [*s] -> []} (or {@code [*s]} with {@link Reduction#NONE}).
 */
public final class MarginRankingLoss extends AbstractLoss {
  private final double margin;

  /** With PyTorch's defaults (margin 0, {@link Reduction#MEAN}). */
  public MarginRankingLoss() {
    this(0.0, Reduction.MEAN);
  }

  /**
   * With the given options.
   *
   * @param margin the margin
   * @param reduction how the per-element losses are reduced
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  public MarginRankingLoss(double margin, Reduction reduction) {
    super("MarginRankingLoss", reduction);
    this.margin = margin;
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [*s], [*s], [*s] -> []} (or {@code [*s]} with {@link Reduction#NONE}).
   *
   * @throws dev.shapetorch.tensor.ShapeException if the shapes do not fit together
   */
  public Tensor forward(@Shape({"*s"}) Tensor input1, @Shape({"*s"}) Tensor input2, @Shape({"*s"}) Tensor target) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        input1, input2, target);
  }

  private Tensor forwardBody(Tensor input1, Tensor input2, Tensor target) {
    return F.marginRankingLoss(input1, input2, target, margin, reduction());
  }

  /** {@code margin}. */
  public double margin() {
    return margin;
  }
}

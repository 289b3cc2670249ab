package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * {@code 1 - cos(x1, x2)} for pairs labelled 1, {@code max(0, cos(x1, x2) - margin)} for pairs labelled -1, reduced: PyTorch's {@code nn.CosineEmbeddingLoss}.
 *
 * <p>Shape: {@code [N, D], [N, D], [N] -> []} (or {@code [N]} with {@link Reduction#NONE}); one pair {@code [D], [D], []}.
 */
public final class CosineEmbeddingLoss extends AbstractLoss {
  private final double margin;

  /** With PyTorch's defaults (margin 0, {@link Reduction#MEAN}). */
  public CosineEmbeddingLoss() {
    this(0.0, Reduction.MEAN);
  }

  /**
   * With the given options.
   *
   * @param margin in {@code [-1, 1]}
   * @param reduction how the per-pair losses are reduced
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  public CosineEmbeddingLoss(double margin, Reduction reduction) {
    super("CosineEmbeddingLoss", reduction);
    this.margin = margin;
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [N, D], [N, D], [N] -> []} (or {@code [N]} with {@link Reduction#NONE}); one pair {@code [D], [D], []}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the shapes do not fit together
   */
  public Tensor forward(@Shape({"*b", "D"}) Tensor input1, @Shape({"*b", "D"}) Tensor input2, @Shape({"*b"}) Tensor target) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        input1, input2, target);
  }

  private Tensor forwardBody(Tensor input1, Tensor input2, Tensor target) {
    return F.cosineEmbeddingLoss(input1, input2, target, margin, reduction());
  }

  /** {@code margin}. */
  public double margin() {
    return margin;
  }
}

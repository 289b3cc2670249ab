package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.global.torch;

/**
 * Losses of pairs and triplets of embeddings or scores ({@code cosineEmbeddingLoss}, {@code
 * marginRankingLoss}, {@code tripletMarginLoss}), as ATen computes them: each declaration gives
 * {@code Torch.x} and {@code F.x}.
 *
 * <p>Shape: the embeddings are {@code [N, D]} (or one {@code [D]}), the scores of {@code
 * marginRankingLoss} any equal shape; the result is 0-d, or one loss per pair ({@code [N]},
 * the scores' shape) with {@link Reduction#NONE}. The overloads with PyTorch's defaults return
 * 0-d ({@code @Shape({})}); those with a reduction leave the result's rank to it.
 */
final class PairLossOps {

  private PairLossOps() {}

  /**
   * {@code 1 - cos(x1, x2)} where {@code target} is 1, {@code max(0, cos(x1, x2) - margin)}
   * where it is -1, reduced, as {@code F.cosine_embedding_loss(input1, input2, target, margin,
   * reduction)}.
   *
   * <p>Shape: {@code [N, D], [N, D], [N] -> []} (or {@code [N]} unreduced); one pair {@code [D],
   * [D], []}.
   *
   * @param margin in {@code [-1, 1]}; PyTorch suggests {@code [0, 0.5]}
   * @throws IllegalArgumentException if the embeddings are not 1-D or 2-D
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static Tensor cosineEmbeddingLoss(@Shape({"*b", "D"}) Tensor input1,
      @Shape({"*b", "D"}) Tensor input2, @Shape({"*b"}) Tensor target, double margin,
      Reduction reduction) {
    String op = "Torch.cosineEmbeddingLoss";
    embeddings(op, input1, "input1");
    return Natives.call(op, () -> torch.cosine_embedding_loss(input1.h(), input2.h(),
        target.h(), margin, reduction.aten(op)), input1, input2, target);
  }

  /**
   * {@link #cosineEmbeddingLoss(Tensor, Tensor, Tensor, double, Reduction)} with PyTorch's
   * defaults, {@code margin = 0} and the mean.
   *
   * <p>Shape: {@code [N, D], [N, D], [N] -> []}; one pair {@code [D], [D], []}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({}) Tensor cosineEmbeddingLoss(@Shape({"*b", "D"}) Tensor input1,
      @Shape({"*b", "D"}) Tensor input2, @Shape({"*b"}) Tensor target) {
    return cosineEmbeddingLoss(input1, input2, target, 0.0, Reduction.MEAN);
  }

  /**
   * {@code max(0, -target * (input1 - input2) + margin)}, elementwise, reduced, as {@code
   * F.margin_ranking_loss(input1, input2, target, margin, reduction)}: {@code target} 1 says
   * {@code input1} should rank higher, -1 lower.
   *
   * <p>Shape: {@code [*s], [*s], [*s] -> []} (or {@code [*s]} unreduced).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static Tensor marginRankingLoss(@Shape({"*s"}) Tensor input1, @Shape({"*s"}) Tensor input2,
      @Shape({"*s"}) Tensor target, double margin, Reduction reduction) {
    String op = "Torch.marginRankingLoss";
    return Natives.call(op, () -> torch.margin_ranking_loss(input1.h(), input2.h(), target.h(),
        margin, reduction.aten(op)), input1, input2, target);
  }

  /**
   * {@link #marginRankingLoss(Tensor, Tensor, Tensor, double, Reduction)} with PyTorch's
   * defaults, {@code margin = 0} and the mean.
   *
   * <p>Shape: {@code [*s], [*s], [*s] -> []}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({}) Tensor marginRankingLoss(@Shape({"*s"}) Tensor input1,
      @Shape({"*s"}) Tensor input2, @Shape({"*s"}) Tensor target) {
    return marginRankingLoss(input1, input2, target, 0.0, Reduction.MEAN);
  }

  /**
   * {@code max(d(a, p) - d(a, n) + margin, 0)}, {@code d} the pairwise p-norm distance ({@link
   * dev.shapetorch.tensor.Torch#pairwiseDistance(Tensor, Tensor, double, double, boolean)}), reduced, as {@code F.triplet_margin_loss(anchor, positive,
   * negative, margin, p, eps, swap, reduction)}.
   *
   * <p>Shape: {@code [N, D] x 3 -> []} (or {@code [N]} unreduced); one triplet {@code [D] x 3}.
   *
   * @param margin the margin, PyTorch's default 1
   * @param p the norm's exponent, PyTorch's default 2
   * @param eps added to the differences, PyTorch's default 1e-6
   * @param swap use {@code min(d(a, n), d(p, n))} as the negative distance (Balntas et al.)
   * @throws IllegalArgumentException if the embeddings are not 1-D or 2-D, or {@code margin} is
   *     not positive
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static Tensor tripletMarginLoss(@Shape({"*b", "D"}) Tensor anchor,
      @Shape({"*b", "D"}) Tensor positive, @Shape({"*b", "D"}) Tensor negative, double margin,
      double p, double eps, boolean swap, Reduction reduction) {
    String op = "Torch.tripletMarginLoss";
    embeddings(op, anchor, "anchor");
    if (!(margin > 0)) {
      throw new IllegalArgumentException(UserCall.attribute(op)
          + ": margin must be greater than 0, got " + margin);
    }
    return Natives.call(op, () -> torch.triplet_margin_loss(anchor.h(), positive.h(),
        negative.h(), margin, p, eps, swap, reduction.aten(op)), anchor, positive, negative);
  }

  /**
   * {@link #tripletMarginLoss(Tensor, Tensor, Tensor, double, double, double, boolean,
   * Reduction)} with PyTorch's defaults: {@code margin = 1}, {@code p = 2}, {@code eps = 1e-6},
   * no swap, the mean.
   *
   * <p>Shape: {@code [N, D] x 3 -> []}; one triplet {@code [D] x 3}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({}) Tensor tripletMarginLoss(@Shape({"*b", "D"}) Tensor anchor,
      @Shape({"*b", "D"}) Tensor positive, @Shape({"*b", "D"}) Tensor negative) {
    return tripletMarginLoss(anchor, positive, negative, 1.0, 2.0, 1e-6, false, Reduction.MEAN);
  }

  /** Refuses embeddings of a rank PyTorch does not take (the signature allows any batch). */
  private static void embeddings(String op, Tensor t, String name) {
    int rank = Natives.nonNull(t, name).dim();
    if (rank != 1 && rank != 2) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": " + name + " "
          + t.shapeOf() + " must be a batch of embeddings [N, D] or one embedding [D]");
    }
  }
}

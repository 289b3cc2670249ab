package dev.shapetorch.tensor;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.NormalizeFuncOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * Norms and distances between vectors along a dim ({@code normalize}, {@code
 * cosineSimilarity}, {@code pairwiseDistance}), as in {@code torch.nn.functional}: each
 * declaration gives {@code Torch.x} and {@code F.x}, computed (and differentiated) by libtorch.
 *
 * <p>Shape: {@code normalize} keeps its input's shape ({@link Rule#ALONG_DIM}); the two others
 * broadcast their inputs and remove the dim they reduce ({@link Rule#BROADCAST_REDUCE_DIM}).
 */
final class DistanceOps {

  private DistanceOps() {}

  /**
   * {@code input / max(||input||_p, eps)}, the p-norm taken along {@code dim}, as {@code
   * F.normalize(input, p, dim, eps)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}; {@code dim} in range ({@link Rule#ALONG_DIM}).
   *
   * @param p the exponent of the norm
   * @param dim the dim of the vectors (negative counts from the end)
   * @param eps the smallest divisor
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.ALONG_DIM, args = {"input", "dim"})
  static Tensor normalize(Tensor input, double p, int dim, double eps) {
    org.bytedeco.pytorch.Tensor h = Natives.h(input, "input");
    try (NormalizeFuncOptions o = new NormalizeFuncOptions()) {
      o.p().put(p);
      o.dim().put((long) dim);
      o.eps().put(eps);
      return Tensor.wrap(torch.normalize(h, o));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.normalize", e, input);
    }
  }

  /**
   * {@link #normalize(Tensor, double, int, double)} with PyTorch's defaults: the 2-norm along
   * dim 1, {@code eps = 1e-12}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@link Rule#ALONG_DIM}, dim 1).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.ALONG_DIM, args = {"input", "1"})
  static Tensor normalize(Tensor input) {
    return normalize(input, 2.0, 1, 1e-12);
  }

  /**
   * The cosine of the angle between {@code x1} and {@code x2} along {@code dim}, {@code x1.x2 /
   * max(||x1|| ||x2||, eps)}, as {@code F.cosine_similarity(x1, x2, dim, eps)}.
   *
   * <p>Shape: {@code x1} and {@code x2} broadcast, then {@code dim} is removed: {@code [N, D],
   * [N, D] (1) -> [N]} ({@link Rule#BROADCAST_REDUCE_DIM}).
   *
   * @param dim the dim of the vectors (negative counts from the end)
   * @param eps the smallest divisor
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.BROADCAST_REDUCE_DIM, args = {"x1", "x2", "dim", "false"})
  static Tensor cosineSimilarity(Tensor x1, Tensor x2, int dim, double eps) {
    org.bytedeco.pytorch.Tensor a = Natives.h(x1, "x1");
    org.bytedeco.pytorch.Tensor b = Natives.h(x2, "x2");
    return Natives.call("Torch.cosineSimilarity", () -> torch.cosine_similarity(a, b, dim, eps),
        x1, x2);
  }

  /**
   * {@link #cosineSimilarity(Tensor, Tensor, int, double)} with PyTorch's defaults: along dim
   * 1, {@code eps = 1e-8}.
   *
   * <p>Shape: {@code [N, D, *], [N, D, *] -> [N, *]} ({@link Rule#BROADCAST_REDUCE_DIM}, dim 1).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.BROADCAST_REDUCE_DIM, args = {"x1", "x2", "1", "false"})
  static Tensor cosineSimilarity(Tensor x1, Tensor x2) {
    return cosineSimilarity(x1, x2, 1, 1e-8);
  }

  /**
   * The p-norm of {@code x1 - x2 + eps} along the last dim, as {@code F.pairwise_distance(x1,
   * x2, p, eps, keepdim)}.
   *
   * <p>Shape: {@code x1} and {@code x2} broadcast, then the last dim is removed (kept as 1 with
   * {@code keepdim}): {@code [N, D], [N, D] -> [N]} ({@link Rule#BROADCAST_REDUCE_DIM}).
   *
   * @param p the exponent of the norm
   * @param eps added to the difference, which keeps the gradient finite at 0
   * @param keepdim whether the reduced dim stays, of size 1
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.BROADCAST_REDUCE_DIM, args = {"x1", "x2", "-1", "keepdim"})
  static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
    org.bytedeco.pytorch.Tensor a = Natives.h(x1, "x1");
    org.bytedeco.pytorch.Tensor b = Natives.h(x2, "x2");
    return Natives.call("Torch.pairwiseDistance",
        () -> torch.pairwise_distance(a, b, p, eps, keepdim), x1, x2);
  }

  /**
   * {@link #pairwiseDistance(Tensor, Tensor, double, double, boolean)} with PyTorch's defaults:
   * {@code p = 2}, {@code eps = 1e-6}, no keepdim.
   *
   * <p>Shape: {@code [*b, D], [*b, D] -> [*b]} ({@link Rule#BROADCAST_REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.BROADCAST_REDUCE_DIM, args = {"x1", "x2", "-1", "false"})
  static Tensor pairwiseDistance(Tensor x1, Tensor x2) {
    return pairwiseDistance(x1, x2, 2.0, 1e-6, false);
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Order statistics: {@code median} and {@code mode}, as {@code torch.median} and {@code
 * torch.mode}. Part of the {@link Torch} chain: call them as {@code Torch.median(x)} or {@code
 * x.mode(1, false)}.
 *
 * <p>Shape: the median of everything is {@code []} ({@link Rule#REDUCE_ALL}); along a dim, the
 * values and their int64 indices both have the dim removed, or kept as 1 with {@code keepdim}
 * ({@link Rule#REDUCE_DIM}).
 */
final class OrderStatisticsOps {

  private OrderStatisticsOps() {}

  /**
   * The median of all elements, as {@code torch.median(x)}: of an even count, the lower of the
   * two middle values (PyTorch's choice, not their mean); NaN if any element is NaN.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({}) Tensor median(Tensor x) {
    return Natives.unary("Torch.median", x, "x", torch::median);
  }

  /**
   * The medians along {@code dim} (the lower middle value of an even count) and the (int64)
   * index of each, as {@code torch.median(x, dim, keepdim)}.
   *
   * <p>Shape: both have {@code dim} removed, or kept as 1 with {@code keepdim} ({@link
   * Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices median(Tensor x, int dim, boolean keepdim) {
    return Natives.valuesAndIndices("Torch.median", x, "x", dim, keepdim, torch::median);
  }

  /**
   * The most frequent value along {@code dim} (the smallest of equally frequent ones) and the
   * (int64) index of one of its occurrences, as {@code torch.mode(x, dim, keepdim)}.
   *
   * <p>Shape: both have {@code dim} removed, or kept as 1 with {@code keepdim} ({@link
   * Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices mode(Tensor x, int dim, boolean keepdim) {
    return Natives.valuesAndIndices("Torch.mode", x, "x", dim, keepdim, torch::mode);
  }

  /**
   * The most frequent value along the last dim, which is removed, and where it occurs, as {@code
   * torch.mode(x)}.
   *
   * <p>Shape: the last dim removed ({@link Rule#REDUCE_DIM} with dim -1).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "-1", "false"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices mode(Tensor x) {
    return mode(x, -1, false);
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Reductions: {@code sum}, {@code mean}, {@code prod}, {@code max}/{@code min} (with indices
 * along a dim), {@code argmax}/{@code argmin}, {@code amax}/{@code amin} (values only), {@code
 * all}/{@code any}. Statistics, norms, {@code logsumexp} and the scans are in {@link StatisticsOps}. Part of the {@link Torch}
 * chain: call them as {@code Torch.sum(x, 1)} or {@code x.sum(1, true)}.
 *
 * <p>Shape: reducing everything gives a 0-d tensor ({@link Rule#REDUCE_ALL}); reducing a dim
 * removes it, or keeps it with size 1 when {@code keepdim} ({@link Rule#REDUCE_DIM}, {@link
 * Rule#REDUCE_DIMS}). Dims may be negative; a dim out of range raises {@link ShapeException}.
 * Where a Java overload leaves {@code keepdim} out, the annotation passes {@code "false"} to the
 * rule as a literal.
 */
final class ReductionOps {

  private ReductionOps() {}

  static long[] longs(int[] dims) {
    long[] l = new long[dims.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = dims[i];
    }
    return l;
  }

  /**
   * The sum of all elements, as {@code torch.sum(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static @Shape({}) Tensor sum(Tensor x) {
    return Natives.unary("Torch.sum", x, "x", torch::sum);
  }

  /**
   * The sum along {@code dim}, as {@code torch.sum(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor sum(Tensor x, int dim, boolean keepdim) {
    return sum(x, new int[] {dim}, keepdim);
  }

  /**
   * The sum along {@code dim}, which is removed, as {@code torch.sum(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor sum(Tensor x, int dim) {
    return sum(x, new int[] {dim}, false);
  }

  /**
   * The sum over several dims, as {@code torch.sum(x, (d0, d1), keepdim)}.
   *
   * <p>Shape: the dims removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIMS}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_DIMS)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
    return Natives.reduce("Torch.sum", x, "x", longs(dims), keepdim,
        (h, d, k) -> torch.sum(h, d, k, Natives.NO_DTYPE));
  }

  /**
   * The arithmetic mean (of a floating tensor) of all elements, as {@code torch.mean(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static @Shape({}) Tensor mean(Tensor x) {
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.mean", "x", x);
    return Natives.unary("Torch.mean", x, "x", torch::mean);
  }

  /**
   * The arithmetic mean (of a floating tensor) along {@code dim}, as {@code torch.mean(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor mean(Tensor x, int dim, boolean keepdim) {
    return mean(x, new int[] {dim}, keepdim);
  }

  /**
   * The arithmetic mean (of a floating tensor) along {@code dim}, which is removed, as {@code torch.mean(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor mean(Tensor x, int dim) {
    return mean(x, new int[] {dim}, false);
  }

  /**
   * The arithmetic mean (of a floating tensor) over several dims, as {@code torch.mean(x, (d0, d1), keepdim)}.
   *
   * <p>Shape: the dims removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIMS}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_DIMS)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.mean", "x", x);
    return Natives.reduce("Torch.mean", x, "x", longs(dims), keepdim,
        (h, d, k) -> torch.mean(h, d, k, Natives.NO_DTYPE));
  }

  /**
   * The product of all elements, as {@code torch.prod(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static @Shape({}) Tensor prod(Tensor x) {
    return Natives.unary("Torch.prod", x, "x", torch::prod);
  }

  /**
   * The product along {@code dim}, as {@code torch.prod(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor prod(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.prod", x, "x", dim, keepdim,
        (h, d, k) -> torch.prod(h, d, k, Natives.NO_DTYPE));
  }

  /**
   * The product along {@code dim}, which is removed, as {@code torch.prod(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor prod(Tensor x, int dim) {
    return prod(x, dim, false);
  }

  /**
   * The (int64) index of the largest value of the flattened tensor, as {@code torch.argmax(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(DTypeRule.INT64)
  static @Shape({}) Tensor argmax(Tensor x) {
    return Natives.unary("Torch.argmax", x, "x", torch::argmax);
  }

  /**
   * The (int64) index of the largest value along {@code dim}, as {@code torch.argmax(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#ARG_REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ARG_REDUCE_DIM)
  @DTypeEffect(DTypeRule.INT64)
  static Tensor argmax(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.argmax", x, "x", dim, keepdim,
        (h, d, k) -> torch.argmax(h, new org.bytedeco.pytorch.LongOptional(d), k));
  }

  /**
   * The (int64) index of the largest value along {@code dim}, which is removed, as {@code torch.argmax(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#ARG_REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(DTypeRule.INT64)
  static Tensor argmax(Tensor x, int dim) {
    return argmax(x, dim, false);
  }

  /**
   * The (int64) index of the smallest value of the flattened tensor, as {@code torch.argmin(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(DTypeRule.INT64)
  static @Shape({}) Tensor argmin(Tensor x) {
    return Natives.unary("Torch.argmin", x, "x", torch::argmin);
  }

  /**
   * The (int64) index of the smallest value along {@code dim}, as {@code torch.argmin(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#ARG_REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ARG_REDUCE_DIM)
  @DTypeEffect(DTypeRule.INT64)
  static Tensor argmin(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.argmin", x, "x", dim, keepdim,
        (h, d, k) -> torch.argmin(h, new org.bytedeco.pytorch.LongOptional(d), k));
  }

  /**
   * The (int64) index of the smallest value along {@code dim}, which is removed, as {@code torch.argmin(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#ARG_REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.ARG_REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(DTypeRule.INT64)
  static Tensor argmin(Tensor x, int dim) {
    return argmin(x, dim, false);
  }

  /**
   * True if every value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): of all elements, as {@code torch.all(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"x"})
  static @Shape({}) Tensor all(Tensor x) {
    return Natives.unary("Torch.all", x, "x", torch::all);
  }

  /**
   * True if every value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): along {@code dim}, as {@code torch.all(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"x"})
  static Tensor all(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.all", x, "x", dim, keepdim, torch::all);
  }

  /**
   * True if every value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): along {@code dim}, which is removed, as {@code torch.all(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"x"})
  static Tensor all(Tensor x, int dim) {
    return all(x, dim, false);
  }

  /**
   * True if some value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): of all elements, as {@code torch.any(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"x"})
  static @Shape({}) Tensor any(Tensor x) {
    return Natives.unary("Torch.any", x, "x", torch::any);
  }

  /**
   * True if some value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): along {@code dim}, as {@code torch.any(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"x"})
  static Tensor any(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.any", x, "x", dim, keepdim, torch::any);
  }

  /**
   * True if some value is nonzero; a bool tensor (uint8 for a uint8 input, as in PyTorch 1.13): along {@code dim}, which is removed, as {@code torch.any(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.ALL_ANY, args = {"x"})
  static Tensor any(Tensor x, int dim) {
    return any(x, dim, false);
  }

  /**
   * The largest value of all elements, as {@code torch.max(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({}) Tensor max(Tensor x) {
    return Natives.unary("Torch.max", x, "x", torch::max);
  }

  /**
   * The largest values along {@code dim} and their (int64) indices, as {@code torch.max(x, dim, keepdim)}.
   *
   * <p>Shape: both have {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices max(Tensor x, int dim, boolean keepdim) {
    return Natives.valuesAndIndices("Torch.max", x, "x", dim, keepdim, torch::max);
  }

  /**
   * The largest values along {@code dim}, which is removed, and their indices, as {@code torch.max(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices max(Tensor x, int dim) {
    return max(x, dim, false);
  }

  /**
   * The smallest value of all elements, as {@code torch.min(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({}) Tensor min(Tensor x) {
    return Natives.unary("Torch.min", x, "x", torch::min);
  }

  /**
   * The smallest values along {@code dim} and their (int64) indices, as {@code torch.min(x, dim, keepdim)}.
   *
   * <p>Shape: both have {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices min(Tensor x, int dim, boolean keepdim) {
    return Natives.valuesAndIndices("Torch.min", x, "x", dim, keepdim, torch::min);
  }

  /**
   * The smallest values along {@code dim}, which is removed, and their indices, as {@code torch.min(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices min(Tensor x, int dim) {
    return min(x, dim, false);
  }

  /**
   * The largest value along {@code dim}, without indices, as {@code torch.amax(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor amax(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.amax", x, "x", new long[] {dim}, keepdim, torch::amax);
  }

  /**
   * The smallest value along {@code dim}, without indices, as {@code torch.amin(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor amin(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.amin", x, "x", new long[] {dim}, keepdim, torch::amin);
  }
}

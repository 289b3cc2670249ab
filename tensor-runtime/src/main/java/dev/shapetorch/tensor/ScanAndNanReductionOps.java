package dev.shapetorch.tensor;

import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Reductions that skip NaN ({@code nansum}, {@code nanmean}), count ({@code countNonzero}) or
 * pick an order statistic ({@code kthvalue}), running scans ({@code logcumsumexp}, {@code
 * cummax}, {@code cummin}) and {@code msort}, each on libtorch's kernel. Declarations ({@link
 * Variants}): {@code Torch.nansum(x)} and {@code x.nansum()} are generated from them.
 *
 * <p>Shape: each op names its rule ({@link Rule#REDUCE_ALL}, {@link Rule#REDUCE_DIM}, {@link
 * Rule#ALONG_DIM}) or keeps the input's shape; a dim out of range is a {@link ShapeException}
 * before libtorch runs.
 */
final class ScanAndNanReductionOps {
  private ScanAndNanReductionOps() {}

  /**
   * The sum of all elements with NaN counted as zero, as {@code torch.nansum(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor nansum(Tensor x) {
    return Natives.unary("Torch.nansum", x, "x", torch::nansum);
  }

  /**
   * The sum along {@code dim} with NaN counted as zero, as {@code torch.nansum(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor nansum(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.nansum", x, "x", dim, keepdim, (h, d, k) -> {
      try (ScalarTypeOptional none = new ScalarTypeOptional()) {
        return torch.nansum(h, new long[] {d}, k, none);
      }
    });
  }

  /**
   * The mean of the elements that are not NaN, as {@code torch.nanmean(x)} (NaN when all are).
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor nanmean(Tensor x) {
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.nanmean", "x", x);
    return Natives.unary("Torch.nanmean", x, "x", torch::nanmean);
  }

  /**
   * The mean along {@code dim} of the elements that are not NaN, as {@code torch.nanmean(x, dim,
   * keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor nanmean(Tensor x, int dim, boolean keepdim) {
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.nanmean", "x", x);
    return Natives.reduce("Torch.nanmean", x, "x", dim, keepdim, (h, d, k) -> {
      try (ScalarTypeOptional none = new ScalarTypeOptional()) {
        return torch.nanmean(h, new long[] {d}, k, none);
      }
    });
  }

  /**
   * How many elements are not zero, as {@code torch.count_nonzero(x)}: an int64 scalar.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(DTypeRule.INT64)
  static Tensor countNonzero(Tensor x) {
    return Natives.unary("Torch.countNonzero", x, "x", torch::count_nonzero);
  }

  /**
   * How many elements along {@code dim} are not zero, as {@code torch.count_nonzero(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(DTypeRule.INT64)
  static Tensor countNonzero(Tensor x, int dim) {
    return Natives.reduce("Torch.countNonzero", x, "x", dim, false,
        (h, d, k) -> torch.count_nonzero(h, d));
  }

  /**
   * The running {@code log(sum(exp(x)))} along {@code dim}, without overflow, as {@code
   * torch.logcumsumexp(x, dim)}. The input must be floating, as PyTorch's kernel requires.
   *
   * <p>Shape: unchanged; {@code dim} in range ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ALONG_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor logcumsumexp(Tensor x, int dim) {
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.logcumsumexp", "x", x);
    return Natives.reduce("Torch.logcumsumexp", x, "x", dim, false,
        (h, d, k) -> torch.logcumsumexp(h, d));
  }

  /**
   * The running maximum along {@code dim} and where it was reached, as {@code torch.cummax(x,
   * dim)}.
   *
   * <p>Shape: both unchanged; {@code dim} in range ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ALONG_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices cummax(Tensor x, int dim) {
    return Natives.valuesAndIndices("Torch.cummax", x, "x", dim, false,
        (h, d, f) -> torch.cummax(h, d));
  }

  /**
   * The running minimum along {@code dim} and where it was reached, as {@code torch.cummin(x,
   * dim)}.
   *
   * <p>Shape: both unchanged; {@code dim} in range ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ALONG_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices cummin(Tensor x, int dim) {
    return Natives.valuesAndIndices("Torch.cummin", x, "x", dim, false,
        (h, d, f) -> torch.cummin(h, d));
  }

  /**
   * The {@code k}-th smallest value along {@code dim} (from 1) and its index, as {@code
   * torch.kthvalue(x, k, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   *
   * @throws IllegalArgumentException if {@code k} is not in {@code [1, x.size(dim)]}
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "keepdim"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices kthvalue(Tensor x, long k, int dim, boolean keepdim) {
    Natives.h(x, "x");
    long size = x.dim() == 0 ? 1 : x.size(dim);
    if (k < 1 || k > size) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.kthvalue") + ": k = " + k
          + " is out of range for dim " + dim + " of " + x.describe() + " (size " + size
          + "); give k in [1, " + size + "]");
    }
    return Natives.valuesAndIndices("Torch.kthvalue", x, "x", dim, keepdim,
        (h, d, f) -> torch.kthvalue(h, k, d, f));
  }

  /**
   * The values sorted ascending along dim 0, as {@code torch.msort(x)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor msort(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.msort", x, "x", torch::msort);
  }
}

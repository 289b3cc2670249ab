package dev.shapetorch.tensor;

import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Statistics and norms: {@code var}, {@code std} (with Bessel's correction by default, as in
 * PyTorch), {@code norm}, {@code logsumexp}, and {@code cumsum}, {@code cumprod}. Part of the {@link Torch} chain:
 * call them as {@code Torch.std(x)} or {@code x.var(0, true)}.
 *
 * <p>Shape: as for every reduction, reducing everything gives {@code []} ({@link
 * Rule#REDUCE_ALL}), reducing dims removes them or keeps them as 1 ({@link Rule#REDUCE_DIM},
 * {@link Rule#REDUCE_DIMS}); {@code cumsum} and {@code cumprod} keep the shape ({@link Rule#ALONG_DIM}).
 */
final class StatisticsOps {

  private StatisticsOps() {}

  /**
   * The variance of all elements with Bessel's correction (divides by n-1), as {@code torch.var(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static @Shape({}) Tensor var(Tensor x) {
    return var(x, true);
  }

  /**
   * The variance of all elements, dividing by n-1 when {@code unbiased}, else by n, as {@code torch.var(x, unbiased=...)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.REDUCE_ALL, args = {"x"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static @Shape({}) Tensor var(Tensor x, boolean unbiased) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.var", "x", x);
    return Natives.call("Torch.var", () -> torch.var(h, unbiased), x);
  }

  /**
   * The variance along {@code dim} with Bessel's correction, as {@code torch.var(x, dim, keepdim=keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor var(Tensor x, int dim, boolean keepdim) {
    return var(x, new int[] {dim}, 1, keepdim);
  }

  /**
   * The variance over {@code dims}, dividing by {@code n - correction}, as {@code torch.var(x, dims, correction=c, keepdim=k)}.
   *
   * <p>Shape: the dims removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIMS}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"x", "dims", "keepdim"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor var(Tensor x, int[] dims, long correction, boolean keepdim) {
    return spread("Torch.var", x, dims, correction, keepdim, torch::var);
  }

  /**
   * The standard deviation of all elements with Bessel's correction (divides by n-1), as {@code torch.std(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static @Shape({}) Tensor std(Tensor x) {
    return std(x, true);
  }

  /**
   * The standard deviation of all elements, dividing by n-1 when {@code unbiased}, else by n, as {@code torch.std(x, unbiased=...)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.REDUCE_ALL, args = {"x"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static @Shape({}) Tensor std(Tensor x, boolean unbiased) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.std", "x", x);
    return Natives.call("Torch.std", () -> torch.std(h, unbiased), x);
  }

  /**
   * The standard deviation along {@code dim} with Bessel's correction, as {@code torch.std(x, dim, keepdim=keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor std(Tensor x, int dim, boolean keepdim) {
    return std(x, new int[] {dim}, 1, keepdim);
  }

  /**
   * The standard deviation over {@code dims}, dividing by {@code n - correction}, as {@code torch.std(x, dims, correction=c, keepdim=k)}.
   *
   * <p>Shape: the dims removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIMS}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIMS, args = {"x", "dims", "keepdim"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor std(Tensor x, int[] dims, long correction, boolean keepdim) {
    return spread("Torch.std", x, dims, correction, keepdim, torch::std);
  }

  /**
   * The Euclidean (2-)norm of all elements, as {@code torch.norm(x)}.
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.REDUCE_ALL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static @Shape({}) Tensor norm(Tensor x) {
    return norm(x, 2.0);
  }

  /**
   * The {@code p}-norm of all elements, as {@code torch.norm(x, p)} ({@code p} may be {@code
   * Double.POSITIVE_INFINITY}).
   *
   * <p>Shape: {@code [*s] -> []} ({@link Rule#REDUCE_ALL}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.REDUCE_ALL, args = {"x"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static @Shape({}) Tensor norm(Tensor x, double p) {
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, "Torch.norm", "x", x);
    return Natives.withScalar("Torch.norm", x, "x", p, torch::norm);
  }

  /**
   * The {@code p}-norm along {@code dim}, as {@code torch.norm(x, p, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "keepdim"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_FLOATING, args = {"x"})
  static Tensor norm(Tensor x, double p, int dim, boolean keepdim) {
    String op = "Torch.norm";
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, op, "x", x);
    try (Scalar s = Natives.scalar(p); ScalarOptional so = new ScalarOptional(s)) {
      return Tensor.wrap(torch.norm(h, so, new long[] {dim}, keepdim));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * {@code log(sum(exp(x)))}, computed stably, along {@code dim}, as {@code torch.logsumexp(x, dim, keepdim)}.
   *
   * <p>Shape: {@code dim} removed, or kept as 1 with {@code keepdim} ({@link Rule#REDUCE_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REDUCE_DIM)
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static Tensor logsumexp(Tensor x, int dim, boolean keepdim) {
    return Natives.reduce("Torch.logsumexp", x, "x", new long[] {dim}, keepdim, torch::logsumexp);
  }

  /**
   * {@code log(sum(exp(x)))}, computed stably, along {@code dim}, which is removed, as {@code torch.logsumexp(x, dim)}.
   *
   * <p>Shape: {@code dim} removed ({@link Rule#REDUCE_DIM}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "dim", "false"})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static Tensor logsumexp(Tensor x, int dim) {
    return logsumexp(x, dim, false);
  }

  /**
   * Cumulative sums along {@code dim}, as {@code torch.cumsum(x, dim)}.
   *
   * <p>Shape: unchanged; {@code dim} must be in range ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ALONG_DIM)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor cumsum(Tensor x, int dim) {
    return Natives.withLong("Torch.cumsum", x, "x", dim, torch::cumsum);
  }

  /**
   * Cumulative products along {@code dim}, as {@code torch.cumprod(x, dim)}.
   *
   * <p>Shape: unchanged; {@code dim} must be in range ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ALONG_DIM)
  @DTypeEffect(value = DTypeRule.SUM_LIKE, args = {"x"})
  static Tensor cumprod(Tensor x, int dim) {
    return Natives.withLong("Torch.cumprod", x, "x", dim, torch::cumprod);
  }

  /** A libtorch spread along dims with a correction: {@code torch::var}, {@code torch::std}. */
  @FunctionalInterface
  private interface Spread {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor x, long[] dims,
        ScalarOptional correction, boolean keepdim);
  }

  /** The body of var and std along dims: the correction as libtorch's optional scalar. */
  private static Tensor spread(
      String op, Tensor x, int[] dims, long correction, boolean keepdim, Spread f) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    DTypeContracts.require(DTypeRule.REQUIRES_FLOATING, op, "x", x);
    try (Scalar c = Natives.scalar(correction); ScalarOptional co = new ScalarOptional(c)) {
      return Tensor.wrap(f.apply(h, ReductionOps.longs(dims), co, keepdim));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }
}

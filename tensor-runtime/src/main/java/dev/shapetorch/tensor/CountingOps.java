package dev.shapetorch.tensor;

import dev.shapetorch.internal.MemoryChecks;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Ops whose result size depends on the values, not only on the shapes: {@code nonzero}, {@code
 * bincount} and {@code unique}. Part of the {@link Torch} chain: call them as {@code
 * Torch.bincount(labels)} or {@code mask.nonzero()}.
 *
 * <p>Shape: the count of a result (nonzero elements, bins, distinct values) is known only at run
 * time, so the checker types it {@code "_"}; the rest of the shape is known: {@code nonzero}
 * gives {@code [_, rank]} ({@link Rule#NONZERO}), {@code bincount} {@code [N] -> [_]}.
 */
final class CountingOps {

  private CountingOps() {}

  /**
   * The index of every nonzero element (true, for a bool tensor), one row each, in row-major
   * order, as {@code torch.nonzero(x)}: int64.
   *
   * <p>Shape: {@code [*s] -> [_, rank(s)]} ({@link Rule#NONZERO}): the row count is how many
   * elements are nonzero.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.NONZERO)
  static Tensor nonzero(Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.call("Torch.nonzero", () -> torch.nonzero(h), x);
  }

  /**
   * How often each value {@code 0, 1, .., max(x)} occurs in {@code x}, as {@code
   * torch.bincount(x)}: int64, {@code max(x) + 1} bins (none for an empty {@code x}).
   *
   * <p>Shape: {@code [N] -> [_]}: the bin count is {@code max(x) + 1}, known at run time.
   *
   * @throws IllegalArgumentException if {@code x} is not int64, not 1-D, holds a negative value,
   *     or the bins would not fit in this machine's memory ({@link MemoryLimit})
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"_"}) Tensor bincount(@Shape({"N"}) Tensor x) {
    return bincount("Torch.bincount", x, null, 0);
  }

  /**
   * As {@link #bincount(Tensor)}, with at least {@code minlength} bins, as {@code
   * torch.bincount(x, minlength=minlength)}.
   *
   * <p>Shape: {@code [N] -> [_]}: {@code max(max(x) + 1, minlength)} bins.
   *
   * @throws IllegalArgumentException as {@link #bincount(Tensor)}, or if {@code minlength} is
   *     negative
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"_"}) Tensor bincount(@Shape({"N"}) Tensor x, long minlength) {
    return bincount("Torch.bincount", x, null, minlength);
  }

  /**
   * The sum of {@code weights[i]} over the {@code i} with {@code x[i] == b}, for each bin {@code
   * b} of {@link #bincount(Tensor, long)}, as {@code torch.bincount(x, weights, minlength)}:
   * float64 (float32 for float32 weights, as PyTorch).
   *
   * <p>Shape: {@code [N], [N] -> [_]}: {@code max(max(x) + 1, minlength)} bins.
   *
   * @throws IllegalArgumentException as {@link #bincount(Tensor, long)}, or if {@code weights} is
   *     null or not floating point
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"_"}) Tensor bincount(
      @Shape({"N"}) Tensor x, @Shape({"N"}) Tensor weights, long minlength) {
    if (weights == null) {
      throw UserCall.nullParameter("weights",
          "a tensor of one weight per element of x, or call bincount(x, minlength)");
    }
    return bincount("Torch.bincount", x, weights, minlength);
  }

  private static Tensor bincount(String op, Tensor x, Tensor weights, long minlength) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    String at = UserCall.attribute(op);
    if (x.dtype() != DType.INT64) {
      throw new IllegalArgumentException(at + ": x must hold int64 values to count, got "
          + x.describe() + "; convert it with to(DType.INT64)");
    }
    if (x.dim() != 1) {
      throw new IllegalArgumentException(at + ": x must be 1-D, got " + x.describe()
          + "; flatten it first (x.flatten())");
    }
    if (minlength < 0) {
      throw new IllegalArgumentException(
          at + ": minlength must be >= 0, got " + minlength);
    }
    if (weights != null) {
      Natives.h(weights, "weights");
      if (!weights.dtype().isFloatingPoint()) {
        throw new IllegalArgumentException(at + ": weights must be floating point, got "
            + weights.describe() + "; convert them with to(DType.FLOAT64)");
      }
    }
    long bins = minlength;
    if (x.size(0) > 0) {
      long min;
      long max;
      try (TensorScope scope = TensorScope.open()) {
        min = Natives.run(op, () -> Tensor.wrap(h.min()).itemLong(), x);
        max = Natives.run(op, () -> Tensor.wrap(h.max()).itemLong(), x);
      }
      if (min < 0) {
        throw new IllegalArgumentException(at + ": x holds the negative value " + min + " ("
            + x.describe() + "); bincount counts values 0, 1, 2, ..: shift or drop the"
            + " negative ones");
      }
      bins = Math.max(bins, max == Long.MAX_VALUE ? max : max + 1);
    }
    DType out = weights == null ? DType.INT64
        : weights.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
    MemoryChecks.check(op, "the " + bins + " bins", new long[] {bins}, out.itemSize());
    if (weights == null) {
      try (TensorOptional none = new TensorOptional()) {
        return Natives.call(op, () -> torch.bincount(h, none, minlength), x);
      }
    }
    try (TensorOptional w = Natives.optional(weights)) {
      return Natives.call(op, () -> torch.bincount(h, w, minlength), x, weights);
    }
  }

  /**
   * The distinct values of {@code x}, in ascending order, with (if asked) where each element of
   * {@code x} went and how often each value occurs, as {@code torch.unique(x, sorted=sorted,
   * return_inverse=returnInverse, return_counts=returnCounts)}. The values are sorted whatever
   * {@code sorted} says (PyTorch allows that: unsorted order is unspecified). An inverse or
   * counts not asked for is null.
   *
   * <p>Shape: {@code values} and {@code counts} are {@code [_]}, the number of distinct values;
   * {@code inverse} has {@code x}'s shape.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static Unique unique(Tensor x, boolean sorted, boolean returnInverse, boolean returnCounts) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    long[] shape = x.shape();
    return Natives.run("Torch.unique", () -> {
      try (org.bytedeco.pytorch.Tensor flat = h.reshape(-1);
          T_TensorTensorTensor_T r =
              torch.unique_dim(flat, 0, true, returnInverse, returnCounts)) {
        return new Unique(Tensor.wrapBorrowed(r.get0()),
            returnInverse ? Tensor.wrap(r.get1().reshape(shape)) : null,
            returnCounts ? Tensor.wrapBorrowed(r.get2()) : null);
      }
    }, x);
  }

  /**
   * The distinct slices of {@code x} along {@code dim}, in ascending (lexicographic) order, with
   * (if asked) which distinct slice each slice of {@code x} is and how often each occurs, as
   * {@code torch.unique(x, sorted, return_inverse, return_counts, dim)}: the distinct rows of a
   * matrix for dim 0. The slices are sorted whatever {@code sorted} says. An inverse or counts
   * not asked for is null.
   *
   * <p>Shape: {@code values} is {@code x}'s shape with dim {@code dim} unknown ({@code _}, the
   * number of distinct slices); {@code inverse} is {@code [x.size(dim)]}; {@code counts} {@code
   * [_]}. The dim must be in range ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.ALONG_DIM, args = {"x", "dim"})
  static Unique unique(
      Tensor x, boolean sorted, boolean returnInverse, boolean returnCounts, int dim) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    if (x.dim() == 0) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.unique")
          + ": a 0-d tensor " + x.describe() + " has no dim " + dim
          + " to find distinct slices along; call unique(x, sorted, returnInverse, returnCounts)"
          + " without a dim");
    }
    return Natives.run("Torch.unique", () -> {
      try (T_TensorTensorTensor_T r =
          torch.unique_dim(h, dim, true, returnInverse, returnCounts)) {
        return new Unique(Tensor.wrapBorrowed(r.get0()),
            returnInverse ? Tensor.wrapBorrowed(r.get1()) : null,
            returnCounts ? Tensor.wrapBorrowed(r.get2()) : null);
      }
    }, x);
  }
}

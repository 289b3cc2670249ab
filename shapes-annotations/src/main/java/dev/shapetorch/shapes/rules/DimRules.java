package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules that move, add or drop whole dimensions: {@code transpose}, {@code t}, {@code permute},
 * {@code squeeze}, {@code unsqueeze}; and dim normalisation ({@code dim=-1} is the last dim).
 *
 * <p>As in PyTorch, a dim may be negative (counted from the end) and a 0-d tensor accepts dims
 * {@code 0} and {@code -1}. An index outside {@code [-rank, rank)} is a {@link
 * MessageKeys#DIM_RANGE} mismatch. With a variadic prefix, only negative dims that land in the
 * explicit dims can be located; other dims give a result of unknown sizes (never an error).
 */
public final class DimRules {
  private DimRules() {}

  /**
   * Normalises {@code dim} for {@code shape}: {@code 0..rank-1}, with negative dims counted from
   * the end. Shape: none (a dim index).
   *
   * @param argument the rule input holding the dim, for the mismatch
   * @return the index into {@code shape.dims()}, or a {@link MessageKeys#DIM_RANGE} mismatch;
   *     -1 when a variadic prefix makes the position unknowable
   */
  public static ShapeResult<Integer> normalizeDim(
      String op, TensorShape shape, long dim, int argument) {
    int rank = shape.rank();
    if (!shape.hasVariadic() && rank == 0) {
      return dim == 0 || dim == -1
          ? ShapeResult.ok(0) : RuleSupport.dimRange(op, shape, dim, 0, argument);
    }
    int d = RuleSupport.wrap(dim, rank, shape.hasVariadic());
    if (d == RuleSupport.OUT_OF_RANGE) {
      return RuleSupport.dimRange(op, shape, dim, rank, argument);
    }
    return ShapeResult.ok(d == RuleSupport.UNLOCATED ? -1 : d);
  }

  /** Like {@link #normalizeDim} for an op that inserts a dim ({@code unsqueeze}, {@code stack}). */
  public static ShapeResult<Integer> normalizeNewDim(
      String op, TensorShape shape, long dim, int argument) {
    int rank = shape.rank() + 1;
    if (shape.hasVariadic()) {
      return ShapeResult.ok(dim < 0 && dim >= -rank ? (int) (rank + dim) : -1);
    }
    if (dim < -rank || dim >= rank) {
      return RuleSupport.fail(MessageKeys.DIM_RANGE, op,
          "dimension " + dim + " is out of range for inserting into " + shape + " (rank "
              + shape.rank() + "): expected a dim in [" + -rank + ", " + (rank - 1) + "]",
          argument, -1);
    }
    return ShapeResult.ok((int) (dim < 0 ? dim + rank : dim));
  }

  /** {@code transpose(dim0, dim1)}. Shape: swaps two dims; {@code [a,b,c].transpose(0,2) = [c,b,a]}. */
  public static ShapeResult<TensorShape> transpose(
      String op, TensorShape input, long dim0, long dim1) {
    ShapeResult<Integer> d0 = normalizeDim(op, input, dim0, 1);
    if (!d0.isOk()) {
      return RuleSupport.failed(d0);
    }
    ShapeResult<Integer> d1 = normalizeDim(op, input, dim1, 2);
    if (!d1.isOk()) {
      return RuleSupport.failed(d1);
    }
    int i = d0.value();
    int j = d1.value();
    // Two dims in an unknown prefix (-1 each) may be different dims, and may reach the known ones.
    if (input.rank() == 0 || (i == j && (i >= 0 || dim0 == dim1))) {
      return ShapeResult.ok(input);
    }
    if (i < 0 || j < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
    }
    if (input.isConcrete()) {
      long[] s = input.toArray();
      long t = s[i];
      s[i] = s[j];
      s[j] = t;
      return ShapeResult.ok(TensorShape.ofOwned(s));
    }
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.set(i, input.dim(j));
    out.set(j, input.dim(i));
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /** {@code t()}. Shape: {@code [] -> []}, {@code [n] -> [n]}, {@code [n,m] -> [m,n]}. */
  public static ShapeResult<TensorShape> t(String op, TensorShape input) {
    if (input.rank() > 2 || (input.hasVariadic() && input.rank() == 2)) {
      if (input.hasVariadic() && input.rank() <= 2) {
        return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
      }
      return RuleSupport.fail(MessageKeys.RANK, op,
          "t() expects a tensor with at most 2 dims, got " + input + "; use transpose(dim0, "
              + "dim1) or mT", 0, -1);
    }
    if (input.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    return input.rank() < 2 ? ShapeResult.ok(input) : transpose(op, input, 0, 1);
  }

  /** {@code permute(dims)}. Shape: {@code out[i] = in[dims[i]]}; dims is a permutation. */
  public static ShapeResult<TensorShape> permute(String op, TensorShape input, long... dims) {
    int rank = input.rank();
    if (input.hasVariadic() ? dims.length < rank : dims.length != rank) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "permute needs one dim per dimension: " + input + " has " + RuleSupport.rankOf(input)
              + " dims, got " + dims.length + " dims " + java.util.Arrays.toString(dims), 1, -1);
    }
    if (input.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownOfRank(dims.length));
    }
    boolean[] seen = new boolean[rank];
    List<DimExpr> out = new ArrayList<>(rank);
    for (long d : dims) {
      ShapeResult<Integer> n = normalizeDim(op, input, d, 1);
      if (!n.isOk()) {
        return RuleSupport.failed(n);
      }
      if (rank == 0) {
        break;
      }
      int i = n.value();
      if (seen[i]) {
        return RuleSupport.fail(MessageKeys.DIM_ORDER, op,
            "dims " + java.util.Arrays.toString(dims) + " repeat dim " + i + "; permute needs "
                + "each dim of " + input + " exactly once", 1, i);
      }
      seen[i] = true;
      out.add(input.dim(i));
    }
    return ShapeResult.ok(TensorShape.of(out));
  }

  /**
   * {@code squeeze()}: drops every size-1 dim. Shape: {@code [B,1,784] -> [B,784]}. Symbolic
   * sizes count as "not 1" (write {@code 1} to mean 1); an unknown size makes the rank unknown.
   */
  public static ShapeResult<TensorShape> squeeze(String op, TensorShape input) {
    List<DimExpr> out = new ArrayList<>(input.rank());
    for (DimExpr d : input.dims()) {
      if (d.isUnknown()) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      if (!RuleSupport.is(d, 1)) {
        out.add(d);
      }
    }
    return ShapeResult.ok(TensorShape.of(
        input.hasVariadic() ? TensorShape.ANONYMOUS_VARIADIC : null, out));
  }

  /**
   * {@code squeeze(dim)}: drops {@code dim} if its size is 1, else returns the input's shape.
   * Shape: {@code [B,1,784].squeeze(1) -> [B,784]}, {@code [B,784].squeeze(1) -> [B,784]}.
   */
  public static ShapeResult<TensorShape> squeezeDim(String op, TensorShape input, long dim) {
    ShapeResult<Integer> n = normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int i = n.value();
    if (input.rank() == 0 && !input.hasVariadic()) {
      return ShapeResult.ok(input);
    }
    if (i < 0 || input.dim(i).isUnknown()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    if (!RuleSupport.is(input.dim(i), 1)) {
      return ShapeResult.ok(input);
    }
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.remove(i);
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /** {@code unsqueeze(dim)}: inserts a size-1 dim. Shape: {@code [B,784].unsqueeze(1) -> [B,1,784]}. */
  public static ShapeResult<TensorShape> unsqueeze(String op, TensorShape input, long dim) {
    ShapeResult<Integer> n = normalizeNewDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int i = n.value();
    if (i < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank() + 1));
    }
    if (input.isConcrete()) {
      long[] s = new long[input.rank() + 1];
      for (int k = 0, j = 0; k < s.length; k++) {
        s[k] = k == i ? 1 : input.size(j++);
      }
      return ShapeResult.ok(TensorShape.ofOwned(s));
    }
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.add(i, DimExpr.of(1));
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#TRANSPOSE}'s inputs: input, dim0, dim1. */
  static ShapeResult<TensorShape> transpose(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d0 = a.constant(1);
    Long d1 = a.constant(2);
    return d0 == null || d1 == null
        ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank())) : transpose(a.op, in, d0, d1);
  }

  /** {@link Rule#PERMUTE}'s inputs: input, dims. */
  static ShapeResult<TensorShape> permute(RuleArgs a) {
    TensorShape in = a.tensor(0);
    List<DimExpr> dims = a.ints(1);
    long[] c = a.constants(1);
    if (c == null) {
      return ShapeResult.ok(dims == null
          ? RuleSupport.unknownDims(in, in.rank()) : TensorShape.unknownOfRank(dims.size()));
    }
    return permute(a.op, in, c);
  }

  /** {@link Rule#SQUEEZE_DIM}'s inputs: input, dim. */
  static ShapeResult<TensorShape> squeezeDim(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    return d == null ? ShapeResult.ok(TensorShape.unknownRank()) : squeezeDim(a.op, in, d);
  }

  /** {@link Rule#UNSQUEEZE}'s inputs: input, dim. */
  static ShapeResult<TensorShape> unsqueeze(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    return d == null
        ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank() + 1)) : unsqueeze(a.op, in, d);
  }

  /**
   * {@code flip(input, dims)}: each dim in range and named once. Shape: unchanged.
   *
   * @param dims the dims, or null when not known
   */
  public static ShapeResult<TensorShape> flip(String op, TensorShape input, long[] dims) {
    ShapeResult<Boolean> d = distinctDims(op, input, dims, 1);
    return d.isOk() ? ShapeResult.ok(input) : RuleSupport.failed(d);
  }

  /**
   * {@code roll(input, shifts, dims)}: one shift per dim, each dim in range; with no dims, one
   * shift for the flattened tensor. Shape: unchanged.
   *
   * @param shifts the shifts, or null when not known
   * @param dims the dims, or null when not known
   */
  public static ShapeResult<TensorShape> roll(
      String op, TensorShape input, long[] shifts, long[] dims) {
    if (shifts != null && dims != null) {
      if (dims.length == 0 && shifts.length != 1) {
        return RuleSupport.fail(MessageKeys.DIM_ORDER, op,
            "with no dims the flattened tensor rolls by one shift, got " + shifts.length
                + " shifts; give one shift, or one dim per shift", 1, -1);
      }
      if (dims.length != 0 && dims.length != shifts.length) {
        return RuleSupport.fail(MessageKeys.DIM_ORDER, op,
            "shifts " + java.util.Arrays.toString(shifts) + " and dims "
                + java.util.Arrays.toString(dims) + " differ in length; give one shift per dim",
            1, -1);
      }
    }
    if (dims != null) {
      for (long dim : dims) {
        ShapeResult<Integer> n = normalizeDim(op, input, dim, 2);
        if (!n.isOk()) {
          return RuleSupport.failed(n);
        }
      }
    }
    return ShapeResult.ok(input);
  }

  /** Each of {@code dims} in range of {@code input} and named once (null: not known, fine). */
  private static ShapeResult<Boolean> distinctDims(
      String op, TensorShape input, long[] dims, int argument) {
    if (dims == null) {
      return ShapeResult.ok(Boolean.TRUE);
    }
    boolean[] seen = new boolean[Math.max(input.rank(), 1)];
    for (long dim : dims) {
      ShapeResult<Integer> n = normalizeDim(op, input, dim, argument);
      if (!n.isOk()) {
        return RuleSupport.failed(n);
      }
      int at = n.value();
      if (at < 0) {
        continue;
      }
      if (seen[at]) {
        return RuleSupport.fail(MessageKeys.DIM_ORDER, op,
            "dim " + dim + " appears more than once in " + java.util.Arrays.toString(dims)
                + " for " + input + "; name each dim once", argument, at);
      }
      seen[at] = true;
    }
    return ShapeResult.ok(Boolean.TRUE);
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers shared by the rule families: mismatches, labels, dim normalisation. */
final class RuleSupport {
  private RuleSupport() {}

  /** Marks a dim that cannot be located because the shape has a variadic prefix. */
  static final int UNLOCATED = -2;
  /** Marks a dim index out of range. */
  static final int OUT_OF_RANGE = -1;

  static <T> ShapeResult<T> fail(String key, String op, String detail, int argument, int dim) {
    return ShapeResult.mismatch(new ShapeMismatch(key, op, detail, argument, dim));
  }

  /** "dim 1 = 784" (negative index when the shape has a variadic prefix). */
  static String dimIs(TensorShape s, int i) {
    return Unifier.dimLabel(s, i) + " = " + s.dim(i);
  }

  /** True if both sizes are known and provably different (rigid variables included). */
  static boolean differ(DimExpr a, DimExpr b) {
    return !a.isUnknown() && !b.isUnknown() && !a.equals(b);
  }

  /** True if the size is the literal {@code v}. */
  static boolean is(DimExpr d, long v) {
    return d.isConstant() && d.constantValue() == v;
  }

  /**
   * Normalises {@code dim} for a shape of {@code rank} explicit dims: in {@code [-rank, rank)}
   * it returns {@code 0..rank-1}, else {@link #OUT_OF_RANGE}. With a variadic prefix only
   * negative dims that land in the explicit dims resolve; others are {@link #UNLOCATED}.
   */
  static int wrap(long dim, int rank, boolean variadic) {
    if (variadic) {
      return dim < 0 && dim >= -rank ? (int) (rank + dim) : UNLOCATED;
    }
    if (dim < -rank || dim >= rank) {
      return OUT_OF_RANGE;
    }
    return (int) (dim < 0 ? dim + rank : dim);
  }

  /** The dim-range mismatch PyTorch users know. */
  static <T> ShapeResult<T> dimRange(String op, TensorShape s, long dim, int rank, int argument) {
    int lo = -Math.max(rank, 1);
    int hi = Math.max(rank, 1) - 1;
    return fail(MessageKeys.DIM_RANGE, op,
        "dimension " + dim + " is out of range for " + s + " (rank " + s.rank()
            + "): expected a dim in [" + lo + ", " + hi + "]",
        argument, -1);
  }

  /** The product of {@code dims[from..to)}; unknown if any is unknown. */
  static DimExpr product(List<DimExpr> dims, int from, int to) {
    DimExpr p = DimExpr.of(1);
    for (int i = from; i < to; i++) {
      p = p.times(dims.get(i));
    }
    return p;
  }

  /** A shape of the same variadic-ness with {@code rank} unknown dims (anonymous prefix). */
  static TensorShape unknownDims(TensorShape like, int rank) {
    return like.hasVariadic()
        ? TensorShape.of(TensorShape.ANONYMOUS_VARIADIC, Collections.nCopies(Math.max(rank, 0),
            DimExpr.UNKNOWN))
        : TensorShape.unknownOfRank(rank);
  }

  /** A mutable copy of a shape's explicit dims. */
  static List<DimExpr> dimsCopy(TensorShape s) {
    return new ArrayList<>(s.dims());
  }

  /** The shape's explicit dims with the variadic prefix kept. */
  static TensorShape withDims(TensorShape like, List<DimExpr> dims) {
    return TensorShape.of(like.variadic(), dims);
  }

  /** "a 2-D" style rank phrase. */
  static String rankOf(TensorShape s) {
    return s.hasVariadic() ? "at least " + s.rank() + "-D" : s.rank() + "-D";
  }

  /** The failure of {@code r}, retyped. */
  static <T> ShapeResult<T> failed(ShapeResult<?> r) {
    return ShapeResult.mismatch(r.mismatch());
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * NumPy/PyTorch broadcasting: shapes are aligned from the right, missing leading dims count as
 * 1, and each pair of sizes must be equal or contain a 1.
 *
 * <p>Symbolic sizes broadcast when they are equal in normal form or one is the literal 1; two
 * different symbolic sizes ({@code B} and {@code C}, or {@code B} and {@code 3}) are a mismatch,
 * because nothing says one of them is 1. An unknown size broadcasts with anything: against a
 * known size other than 1 the result is that size (the only value a successful broadcast can
 * give), otherwise unknown. A variadic prefix stands for dims that may be 1 or anything.
 */
public final class Broadcasting {
  private Broadcasting() {}

  /**
   * Broadcasts two shapes (elementwise {@code add}, {@code mul}, {@code eq}, ...).
   *
   * <p>Shape: {@code [*a] (+) [*b] -> [*broadcast(a, b)]}; mismatch key {@link
   * MessageKeys#BROADCAST}, argument 1 and the offending dim of {@code b}.
   */
  public static ShapeResult<TensorShape> broadcast(String op, TensorShape a, TensorShape b) {
    if (a.isConcrete() && b.isConcrete()) {
      return concrete(op, a, b);
    }
    return symbolic(op, a, b, 0, 1, "a", "b", MessageKeys.BROADCAST);
  }

  /**
   * Broadcasts three shapes ({@code where(condition, a, b)}, {@code addcmul}).
   *
   * <p>Shape: {@code [*x], [*y], [*z] -> [*broadcast(x, y, z)]}.
   */
  public static ShapeResult<TensorShape> broadcast(
      String op, TensorShape x, TensorShape y, TensorShape z) {
    ShapeResult<TensorShape> xy = broadcast(op, x, y);
    if (!xy.isOk()) {
      return xy;
    }
    if (xy.value().isConcrete() && z.isConcrete()) {
      ShapeResult<TensorShape> r = concrete(op, xy.value(), z);
      if (r.isOk()) {
        return r;
      }
    }
    return symbolic(op, xy.value(), z, 1, 2, "the first two broadcast", "the third",
        MessageKeys.BROADCAST);
  }

  private static ShapeResult<TensorShape> concrete(String op, TensorShape a, TensorShape b) {
    int ra = a.rank();
    int rb = b.rank();
    if (ra == rb) {
      int i = 0;
      while (i < ra && a.size(i) == b.size(i)) {
        i++;
      }
      if (i == ra) {
        return ShapeResult.ok(a);
      }
    } else if (rb == 0) {
      return ShapeResult.ok(a);
    } else if (ra == 0) {
      return ShapeResult.ok(b);
    }
    int r = Math.max(ra, rb);
    long[] out = new long[r];
    for (int i = 0; i < r; i++) {
      int ia = i - (r - ra);
      int ib = i - (r - rb);
      long da = ia >= 0 ? a.size(ia) : 1;
      long db = ib >= 0 ? b.size(ib) : 1;
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else {
        return mismatch(op, a, b, ia, ib, 0, 1, "a", "b", MessageKeys.BROADCAST);
      }
    }
    return ShapeResult.ok(TensorShape.ofOwned(out));
  }

  /**
   * Broadcasts two shapes symbolically; also used for matmul's batch dims. Arguments are
   * named in messages as {@code nameA}/{@code nameB}, the mismatch blames {@code argB}.
   */
  static ShapeResult<TensorShape> symbolic(String op, TensorShape a, TensorShape b, int argA,
      int argB, String nameA, String nameB, String key) {
    int ra = a.rank();
    int rb = b.rank();
    int r = Math.max(ra, rb);
    List<DimExpr> out = new ArrayList<>(r);
    for (int i = 0; i < r; i++) {
      int ia = i - (r - ra);
      int ib = i - (r - rb);
      DimExpr da = ia >= 0 ? a.dim(ia) : a.hasVariadic() ? DimExpr.UNKNOWN : DimExpr.of(1);
      DimExpr db = ib >= 0 ? b.dim(ib) : b.hasVariadic() ? DimExpr.UNKNOWN : DimExpr.of(1);
      DimExpr d = dim(da, db);
      if (d == null) {
        return mismatch(op, a, b, ia, ib, argA, argB, nameA, nameB, key);
      }
      out.add(d);
    }
    String variadic;
    if (!a.hasVariadic() && !b.hasVariadic()) {
      variadic = null;
    } else if (a.hasVariadic() && b.hasVariadic()) {
      variadic = a.variadic().equals(b.variadic()) && ra == rb
          ? a.variadic() : TensorShape.ANONYMOUS_VARIADIC;
    } else {
      TensorShape withPrefix = a.hasVariadic() ? a : b;
      variadic = withPrefix.rank() == r ? withPrefix.variadic() : TensorShape.ANONYMOUS_VARIADIC;
    }
    return ShapeResult.ok(TensorShape.of(variadic, out));
  }

  /** One broadcast size, or null if the sizes cannot broadcast. */
  static DimExpr dim(DimExpr a, DimExpr b) {
    if (a.equals(b) || RuleSupport.is(b, 1)) {
      return a;
    }
    if (RuleSupport.is(a, 1)) {
      return b;
    }
    if (a.isUnknown()) {
      return b.isConstant() ? b : DimExpr.UNKNOWN;
    }
    if (b.isUnknown()) {
      return a.isConstant() ? a : DimExpr.UNKNOWN;
    }
    return null;
  }

  private static ShapeResult<TensorShape> mismatch(String op, TensorShape a, TensorShape b,
      int ia, int ib, int argA, int argB, String nameA, String nameB, String key) {
    return RuleSupport.fail(key, op,
        "shapes " + a + " and " + b + " cannot be broadcast: " + Unifier.dimLabel(a, ia)
            + " of " + nameA + " is " + a.dim(ia) + ", " + Unifier.dimLabel(b, ib) + " of "
            + nameB + " is " + b.dim(ib) + " (sizes must be equal, or one of them 1)",
        argB, ib);
  }
}

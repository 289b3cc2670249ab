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
 *
 * <p>Every mismatch names each input's own shape and the two sizes that disagree.
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
    TensorShape r = shape(a, b);
    return r != null ? ShapeResult.ok(r) : pairMismatch(op, a, b);
  }

  /**
   * Broadcasts three shapes ({@code where(condition, a, b)}, {@code addcmul}).
   *
   * <p>Shape: {@code [*x], [*y], [*z] -> [*broadcast(x, y, z)]}; mismatch key {@link
   * MessageKeys#BROADCAST}, naming all three shapes and the two inputs whose sizes disagree
   * (argument 1 when {@code x} and {@code y} disagree, else argument 2).
   */
  public static ShapeResult<TensorShape> broadcast(
      String op, TensorShape x, TensorShape y, TensorShape z) {
    TensorShape xy = shape(x, y);
    if (xy == null) {
      int[] c = conflict(x, y);
      return tripleMismatch(op, x, y, z, 0, c[0], 1, c[1]);
    }
    TensorShape xyz = shape(xy, z);
    if (xyz != null) {
      return ShapeResult.ok(xyz);
    }
    int[] c = conflict(xy, z);
    // The size of xy at c[0] came from x or y: blame the one that disagrees with z there.
    int fromRight = xy.rank() - c[0];
    int ix = x.rank() - fromRight;
    boolean blameX = ix >= 0 && dim(x.dim(ix), z.dim(c[1])) == null;
    return blameX ? tripleMismatch(op, x, y, z, 0, ix, 2, c[1])
        : tripleMismatch(op, x, y, z, 1, y.rank() - fromRight, 2, c[1]);
  }

  /**
   * Broadcasts {@code other} into {@code self} for an in-place op ({@code self.add_(other)},
   * {@code mul_}, {@code copy_}, ...): the values are written into {@code self}, so the
   * broadcast must keep {@code self}'s shape.
   *
   * <p>Shape: {@code [*s] (+)= [*o] -> [*s]}, where {@code broadcast(s, o) = s}. Keys: {@link
   * MessageKeys#BROADCAST} when the shapes do not broadcast at all; {@link
   * MessageKeys#BROADCAST_INPLACE} when they do but the result is larger than {@code self}
   * ({@code [3].mul_([2, 3])}), argument 1. Unknown sizes of {@code self} are not held against
   * it (gradual typing).
   */
  public static ShapeResult<TensorShape> broadcastInPlace(
      String op, TensorShape self, TensorShape other) {
    if (self.isConcrete() && other.isConcrete() && fitsConcrete(self, other)) {
      return ShapeResult.ok(self);
    }
    TensorShape r = shape(self, other);
    if (r == null) {
      return pairMismatch(op, self, other);
    }
    int rs = self.rank();
    int rr = r.rank();
    int grownFromRight = !self.hasVariadic() && rr > rs ? 0 : -1;
    for (int k = 1; k <= Math.min(rs, rr) && grownFromRight < 0; k++) {
      if (RuleSupport.differ(self.dim(rs - k), r.dim(rr - k))) {
        grownFromRight = k;
      }
    }
    if (grownFromRight < 0) {
      return ShapeResult.ok(self);
    }
    String how = grownFromRight == 0 ? "it has more dims than the receiver"
        : Unifier.dimLabel(self, rs - grownFromRight) + " would become "
            + r.dim(rr - grownFromRight);
    String name = op.substring(op.lastIndexOf('.') + 1);
    String outOfPlace = name.endsWith("_") ? name.substring(0, name.length() - 1) : name;
    return RuleSupport.fail(MessageKeys.BROADCAST_INPLACE, op,
        "the receiver " + self + " cannot grow: broadcasting it with " + other + " gives " + r
            + " (" + how + "), but an in-place op writes its result into the receiver; use the"
            + " out-of-place op (x = x." + outOfPlace + "(y) gives " + r + "), or pass an operand"
            + " that broadcasts to " + self,
        1, -1);
  }

  /**
   * Broadcasts two operands into {@code self} for an in-place op with two ({@code
   * self.addcmul_(t1, t2)}, {@code addcdiv_}): each must broadcast to {@code self}'s shape, which
   * is kept. A mismatch is {@link #broadcastInPlace(String, TensorShape, TensorShape)}'s for the
   * first operand that fails, blaming argument 1 ({@code t1}) or 2 ({@code t2}).
   *
   * <p>Shape: {@code [*s] (+)= [*a] (*) [*b] -> [*s]}.
   */
  public static ShapeResult<TensorShape> broadcastInPlace(
      String op, TensorShape self, TensorShape t1, TensorShape t2) {
    ShapeResult<TensorShape> first = broadcastInPlace(op, self, t1);
    if (!first.isOk()) {
      return first;
    }
    ShapeResult<TensorShape> second = broadcastInPlace(op, self, t2);
    if (second.isOk()) {
      return ShapeResult.ok(self);
    }
    ShapeMismatch m = second.mismatch();
    return ShapeResult.mismatch(new ShapeMismatch(m.key(), m.op(), m.detail(), 2, m.dim()));
  }

  /** True if every size of concrete {@code other} is 1 or the aligned size of {@code self}. */
  private static boolean fitsConcrete(TensorShape self, TensorShape other) {
    int rs = self.rank();
    int ro = other.rank();
    if (ro > rs) {
      return false;
    }
    for (int k = 1; k <= ro; k++) {
      long o = other.size(ro - k);
      if (o != 1 && o != self.size(rs - k)) {
        return false;
      }
    }
    return true;
  }

  /** The broadcast shape, or null if the shapes do not broadcast. */
  static TensorShape shape(TensorShape a, TensorShape b) {
    return a.isConcrete() && b.isConcrete() ? concrete(a, b) : symbolic(a, b);
  }

  private static TensorShape concrete(TensorShape a, TensorShape b) {
    int ra = a.rank();
    int rb = b.rank();
    if (ra == rb) {
      int i = 0;
      while (i < ra && a.size(i) == b.size(i)) {
        i++;
      }
      if (i == ra) {
        return a;
      }
    } else if (rb == 0) {
      return a;
    } else if (ra == 0) {
      return b;
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
        return null;
      }
    }
    return TensorShape.ofOwned(out);
  }

  /** The broadcast shape by the symbolic path (any shapes), or null. */
  static TensorShape symbolic(TensorShape a, TensorShape b) {
    int ra = a.rank();
    int rb = b.rank();
    int r = Math.max(ra, rb);
    List<DimExpr> out = new ArrayList<>(r);
    for (int i = 0; i < r; i++) {
      DimExpr d = dim(aligned(a, i - (r - ra)), aligned(b, i - (r - rb)));
      if (d == null) {
        return null;
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
    return TensorShape.of(variadic, out);
  }

  /** The size at explicit index {@code i}; a missing leading dim is 1, or unknown in a prefix. */
  private static DimExpr aligned(TensorShape s, int i) {
    return i >= 0 ? s.dim(i) : s.hasVariadic() ? DimExpr.UNKNOWN : DimExpr.of(1);
  }

  /**
   * The first pair of dims that do not broadcast, as {@code {index in a, index in b}} (both
   * non-negative), or null if the shapes broadcast. Used to word mismatches.
   */
  static int[] conflict(TensorShape a, TensorShape b) {
    int ra = a.rank();
    int rb = b.rank();
    int r = Math.max(ra, rb);
    for (int i = 0; i < r; i++) {
      int ia = i - (r - ra);
      int ib = i - (r - rb);
      if (dim(aligned(a, ia), aligned(b, ib)) == null) {
        return new int[] {ia, ib};
      }
    }
    return null;
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

  private static ShapeResult<TensorShape> pairMismatch(String op, TensorShape a, TensorShape b) {
    int[] c = conflict(a, b);
    return RuleSupport.fail(MessageKeys.BROADCAST, op,
        "shapes " + a + " and " + b + " cannot be broadcast: " + Unifier.dimLabel(a, c[0])
            + " of a is " + a.dim(c[0]) + ", " + Unifier.dimLabel(b, c[1]) + " of b is "
            + b.dim(c[1]) + " (sizes must be equal, or one of them 1)",
        1, c[1]);
  }

  private static final String[] ORDINALS = {"first", "second", "third"};

  private static ShapeResult<TensorShape> tripleMismatch(String op, TensorShape x, TensorShape y,
      TensorShape z, int argP, int dimP, int argQ, int dimQ) {
    TensorShape[] in = {x, y, z};
    TensorShape p = in[argP];
    TensorShape q = in[argQ];
    return RuleSupport.fail(MessageKeys.BROADCAST, op,
        "shapes " + x + ", " + y + " and " + z + " cannot be broadcast: "
            + Unifier.dimLabel(p, dimP) + " of the " + ORDINALS[argP] + " (" + p + ") is "
            + p.dim(dimP) + ", " + Unifier.dimLabel(q, dimQ) + " of the " + ORDINALS[argQ]
            + " (" + q + ") is " + q.dim(dimQ) + " (sizes must be equal, or one of them 1)",
        argQ, dimQ);
  }
}

package dev.shapetorch.checker;

import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The order on shapes that the qualifier hierarchy uses, as pure functions over {@link
 * TensorShape} (no javac types).
 *
 * <p>{@code s <= t} ("s is at least as precise as t and agrees with it") when every dim that
 * {@code t} knows, {@code s} has equal (in DimExpr normal form); {@code _} in {@code t} accepts
 * any size, an anonymous variadic in {@code t} accepts any leading dims; a named variadic or a
 * variable is rigid and only equals itself. This is a partial order, so dataflow refinement keeps
 * the more precise shape. The gradual check (an unknown size on either side never errs) is
 * separate: the visitor asks the algebra's unifier.
 *
 * <p>{@link #join} is the shape of a merge: dims that agree are kept, the others become {@code
 * _}; shapes of different rank keep their common trailing dims under an anonymous prefix.
 */
final class ShapeLattice {
  private ShapeLattice() {}

  /** True if {@code sub} is at least as precise as {@code sup} and agrees with it. */
  static boolean isSubshape(TensorShape sub, TensorShape sup) {
    int k = sup.rank();
    int m = sub.rank();
    String pv = sup.variadic();
    if (pv == null) {
      if (sub.hasVariadic() || m != k) {
        return false;
      }
    } else if (pv.equals(TensorShape.ANONYMOUS_VARIADIC)) {
      if (m < k) {
        return false;
      }
    } else if (!pv.equals(sub.variadic()) || m != k) {
      return false;
    }
    for (int j = 1; j <= k; j++) {
      DimExpr want = sup.dim(k - j);
      if (!want.isUnknown() && !want.equals(sub.dim(m - j))) {
        return false;
      }
    }
    return true;
  }

  /** The least shape above both: agreeing dims kept, others {@code _}. */
  static TensorShape join(TensorShape a, TensorShape b) {
    boolean sameFrame =
        a.rank() == b.rank()
            && (a.variadic() == null ? b.variadic() == null : a.variadic().equals(b.variadic()));
    int n = Math.min(a.rank(), b.rank());
    List<DimExpr> dims = new ArrayList<>(n);
    for (int j = n; j >= 1; j--) {
      DimExpr x = a.dim(a.rank() - j);
      DimExpr y = b.dim(b.rank() - j);
      dims.add(x.equals(y) ? x : DimExpr.UNKNOWN);
    }
    return TensorShape.of(sameFrame ? a.variadic() : TensorShape.ANONYMOUS_VARIADIC, dims);
  }

  /**
   * The greatest shape below both, or null when they disagree (bottom): a known size wins over
   * {@code _}.
   */
  static TensorShape meet(TensorShape a, TensorShape b) {
    if (isSubshape(a, b)) {
      return a;
    }
    if (isSubshape(b, a)) {
      return b;
    }
    boolean sameFrame =
        a.rank() == b.rank()
            && (a.variadic() == null ? b.variadic() == null : a.variadic().equals(b.variadic()));
    if (!sameFrame) {
      return null;
    }
    List<DimExpr> dims = new ArrayList<>(a.rank());
    for (int i = 0; i < a.rank(); i++) {
      DimExpr x = a.dim(i);
      DimExpr y = b.dim(i);
      if (x.isUnknown()) {
        dims.add(y);
      } else if (y.isUnknown() || x.equals(y)) {
        dims.add(x);
      } else {
        return null;
      }
    }
    return TensorShape.of(a.variadic(), dims);
  }

  /**
   * Why a value of shape {@code found} cannot be used where {@code required} is declared, or
   * null if it can. This is the gradual check: an unknown size or an anonymous variadic on either
   * side never conflicts; variables and named variadics are rigid.
   */
  static String conflict(TensorShape found, TensorShape required) {
    String rv = required.variadic();
    String fv = found.variadic();
    boolean rAnon = TensorShape.ANONYMOUS_VARIADIC.equals(rv);
    boolean fAnon = TensorShape.ANONYMOUS_VARIADIC.equals(fv);
    String head = "found " + found + ", required " + required;
    if (rv != null && !rAnon && fv != null && !fAnon && !rv.equals(fv)) {
      return head + " (leading dims *" + fv + " are not *" + rv + ")";
    }
    if (rv != null && !rAnon && fv == null) {
      return head + " (leading dims " + found.dims().subList(0, Math.max(0, found.rank()
          - required.rank())) + " are not *" + rv + ")";
    }
    if (rv == null && fv != null && !fAnon) {
      return head + " (leading dims *" + fv + " are not known to be absent)";
    }
    int k = required.rank();
    int m = found.rank();
    boolean open = rv != null || fv != null;
    boolean sameRigidPrefix = rv != null && !rAnon && rv.equals(fv);
    if ((!open && m != k) || (fv == null && m < k) || (rv == null && m > k)
        || (sameRigidPrefix && m != k)) {
      return head + " (rank " + m + " is not " + k + ")";
    }
    int n = Math.min(k, m);
    for (int j = n; j >= 1; j--) {
      DimExpr f = found.dim(m - j);
      DimExpr r = required.dim(k - j);
      if (!f.isUnknown() && !r.isUnknown() && !f.equals(r)) {
        String label = fv == null ? "dim " + (m - j) : "dim " + (-j);
        return head + " (" + label + ": found " + f + ", required " + r + ")";
      }
    }
    return null;
  }
}

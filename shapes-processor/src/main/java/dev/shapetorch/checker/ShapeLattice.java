package dev.shapetorch.checker;

import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

  /**
   * Why an override's declared result {@code child} cannot stand where the overridden result
   * {@code parent} is promised, or null if it can or nothing is provable. Results are covariant;
   * a variable of either signature may be bound per call to any size, so only what no binding
   * can reconcile counts: a different rank, or two constant sizes that differ.
   */
  static String overrideResultConflict(TensorShape child, TensorShape parent) {
    TensorShape found = loosen(child);
    TensorShape required = loosen(parent);
    String why = conflict(found, required);
    if (why == null) {
      return null;
    }
    // conflict() says "found F, required R (reason)"; the caller names both shapes as declared.
    int open = why.indexOf(" (", ("found " + found + ", required " + required).length());
    return open < 0 ? why : why.substring(open + 2, why.length() - 1);
  }

  /**
   * Why an override's declared parameter {@code child} accepts less than the overridden parameter
   * {@code parent}, or null if it accepts all of it (parameters are contravariant). The parent's
   * variables in {@code bound} are bound by the call (its receiver, its {@code int} arguments,
   * its class's constants), so a constant in the override may be what they always are there and
   * is not counted; the parent's other variables and {@code _} accept any size, so a constant in
   * the override is narrower. The override's own variables accept any size.
   */
  static String overrideParameterNarrower(
      TensorShape child, TensorShape parent, Set<String> bound) {
    String pv = parent.variadic();
    String cv = child.variadic();
    int k = parent.rank();
    int m = child.rank();
    boolean parentOpen = pv != null && !bound.contains(pv);
    if (pv == null && cv == null && m != k) {
      return "it takes rank " + m + " only, the overridden parameter rank " + k;
    }
    if (parentOpen && cv == null) {
      return "it takes rank " + m + " only, the overridden parameter any rank from " + k;
    }
    if (cv != null && m > k && (pv == null || parentOpen)) {
      return "it needs at least rank " + m + ", the overridden parameter takes rank " + k;
    }
    int n = Math.min(k, m);
    for (int j = n; j >= 1; j--) {
      DimExpr c = child.dim(m - j);
      DimExpr p = parent.dim(k - j);
      if (!c.isConstant()) {
        continue;
      }
      boolean pinned = !p.isUnknown() && p.variables().stream().anyMatch(bound::contains);
      if (pinned || p.equals(c)) {
        continue;
      }
      String label = cv == null ? "dim " + (m - j) : "dim " + (-j);
      return label + " is " + c + " only, where the overridden parameter takes "
          + (p.isUnknown() ? "any size" : p.isConstant() ? p.toString() : "any " + p);
    }
    return null;
  }

  /** Variables become {@code _}, named variadics {@code ...}. */
  private static TensorShape loosen(TensorShape s) {
    List<DimExpr> dims = new ArrayList<>(s.rank());
    for (DimExpr d : s.dims()) {
      dims.add(d.isUnknown() || d.isConstant() ? d : DimExpr.UNKNOWN);
    }
    String v = s.variadic();
    return TensorShape.of(v == null ? null : TensorShape.ANONYMOUS_VARIADIC, dims);
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Matches declared shape patterns (with variables and variadics) against actual shapes,
 * learning {@link Bindings}, the way javac infers a generic method's type variables.
 *
 * <p>Pattern variables are flexible; everything in the actual shapes is rigid (a caller's
 * variable {@code B} only equals {@code B}). Callers should rename the callee's variables apart
 * from the caller's. Rules:
 *
 * <ul>
 *   <li>an unknown actual size ({@code _}) never fails; a bare variable meeting it is bound to
 *       unknown, and a later known size refines that binding;
 *   <li>a pattern size linear in one unbound variable is solved: {@code N-1} against 9 binds
 *       {@code N = 10}, {@code 2*B} against 8 binds {@code B = 4}, and {@code 2*B} against 9 is
 *       a mismatch ({@link MessageKeys#MISMATCH_UNSOLVABLE});
 *   <li>a size with several unbound variables is deferred until other arguments bind them, and
 *       is not checked if they never do;
 *   <li>a named variadic {@code *batch} binds the leading dims; a second occurrence must agree;
 *       an anonymous {@code ...} binds nothing;
 *   <li>ranks must agree ({@link MessageKeys#RANK}) unless a variadic makes them open.
 * </ul>
 */
public final class Unifier {
  private Unifier() {}

  /** Unifies a pattern with an actual shape, starting from no bindings. */
  public static ShapeResult<Bindings> unify(TensorShape pattern, TensorShape actual) {
    return unifyAll("unify", List.of("input"), List.of(pattern), List.of(actual), Bindings.empty());
  }

  /**
   * Unifies one argument.
   *
   * @param op the op for messages ({@code Linear.forward})
   * @param argument the argument's name for messages ({@code input})
   * @param pattern the declared shape
   * @param actual the argument's shape
   * @param bindings what earlier arguments bound
   */
  public static ShapeResult<Bindings> unify(
      String op, String argument, TensorShape pattern, TensorShape actual, Bindings bindings) {
    return unifyAll(op, List.of(argument), List.of(pattern), List.of(actual), bindings);
  }

  /**
   * Unifies every argument of a call, in order, then retries equations that needed variables
   * bound by later arguments. A mismatch's {@code argument} is the index into these lists.
   *
   * @param names the arguments' names for messages
   * @param patterns the declared shapes
   * @param actuals the arguments' shapes (same length as {@code patterns})
   * @param initial bindings known beforehand (dependent names with constant values)
   */
  public static ShapeResult<Bindings> unifyAll(
      String op, List<String> names, List<TensorShape> patterns, List<TensorShape> actuals,
      Bindings initial) {
    if (patterns.size() != actuals.size() || names.size() != patterns.size()) {
      throw new IllegalArgumentException("names, patterns and actuals differ in length");
    }
    Bindings b = initial;
    List<Equation> pending = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      ShapeResult<Bindings> r = alignShapes(op, names.get(i), i, patterns.get(i), actuals.get(i),
          b, pending);
      if (!r.isOk()) {
        return r;
      }
      b = r.value();
    }
    boolean progress = true;
    while (progress && !pending.isEmpty()) {
      progress = false;
      for (Iterator<Equation> it = pending.iterator(); it.hasNext(); ) {
        Equation eq = it.next();
        Outcome o = solve(eq, b);
        if (o.mismatch != null) {
          return ShapeResult.mismatch(o.mismatch);
        }
        if (!o.deferred) {
          it.remove();
          progress |= o.bindings != b;
          b = o.bindings;
        }
      }
    }
    return ShapeResult.ok(b);
  }

  /** Lines up the dims of one argument and solves their equations (deferring some). */
  private static ShapeResult<Bindings> alignShapes(String op, String name, int index,
      TensorShape pattern, TensorShape actual, Bindings b, List<Equation> pending) {
    int k = pattern.rank();
    int m = actual.rank();
    boolean pv = pattern.hasVariadic();
    boolean av = actual.hasVariadic();
    if ((!pv && !av && k != m) || (!pv && m > k) || (pv && !av && m < k)) {
      String found = actual + " (rank " + (av ? "at least " : "") + m + ")";
      String required = pattern + " (rank " + (pv ? "at least " : "") + k + ")";
      return ShapeResult.mismatch(MessageKeys.RANK, op,
          "argument " + name + " is " + found + ", required " + required + withBindings(b),
          index, -1);
    }
    // Align from the right: the last min(k, m) dims pair up.
    int n = Math.min(k, m);
    if (pv && !pattern.variadic().equals(TensorShape.ANONYMOUS_VARIADIC)) {
      TensorShape prefix;
      if (m >= k) {
        prefix = TensorShape.of(actual.variadic(), actual.dims().subList(0, m - k));
      } else {
        prefix = TensorShape.unknownRank();
      }
      TensorShape earlier = b.variadic(pattern.variadic());
      if (earlier == null) {
        b = b.withVariadic(pattern.variadic(), prefix);
      } else if (!compatible(earlier, prefix)) {
        return ShapeResult.mismatch(MessageKeys.MISMATCH_ARGUMENT, op,
            "argument " + name + " is " + actual + ", required " + pattern + withBindings(b)
                + " (its leading dims " + prefix + " differ from *" + pattern.variadic() + " = "
                + earlier + ")",
            index, -1);
      }
    }
    for (int j = 0; j < n; j++) {
      int pi = k - n + j;
      int ai = m - n + j;
      Equation eq = new Equation(op, name, index, pattern, actual, pi, ai);
      Outcome o = solve(eq, b);
      if (o.mismatch != null) {
        return ShapeResult.mismatch(o.mismatch);
      }
      if (o.deferred) {
        pending.add(eq);
      } else {
        b = o.bindings;
      }
    }
    return ShapeResult.ok(b);
  }

  /** Two bindings of one variadic agree where both are known. */
  private static boolean compatible(TensorShape x, TensorShape y) {
    if (!x.hasVariadic() && !y.hasVariadic() && x.rank() != y.rank()) {
      return false;
    }
    int n = Math.min(x.rank(), y.rank());
    for (int j = 1; j <= n; j++) {
      DimExpr a = x.dim(x.rank() - j);
      DimExpr c = y.dim(y.rank() - j);
      if (!a.isUnknown() && !c.isUnknown() && !a.equals(c)) {
        return false;
      }
    }
    return true;
  }

  private static Outcome solve(Equation eq, Bindings b) {
    DimExpr p = eq.pattern.dim(eq.patternDim);
    DimExpr a = eq.actual.dim(eq.actualDim);
    List<String> free = new ArrayList<>(2);
    for (String v : p.variables()) {
      DimExpr bound = b.get(v);
      if (bound == null || bound.isUnknown()) {
        free.add(v);
      }
    }
    if (a.isUnknown() || p.isUnknown()) {
      if (free.size() == 1 && !b.isBound(free.get(0)) && isBare(p, free.get(0))) {
        return Outcome.done(b.with(free.get(0), DimExpr.UNKNOWN));
      }
      return Outcome.done(b);
    }
    Bindings known = b;
    for (String v : free) {
      if (b.isBound(v)) {
        known = dropUnknown(b);
        break;
      }
    }
    DimExpr ps = known.substitute(p);
    if (free.isEmpty()) {
      return ps.isUnknown() || ps.equals(a) ? Outcome.done(b) : Outcome.fail(eq, b, ps, null);
    }
    if (free.size() > 1) {
      return Outcome.DEFERRED;
    }
    String v = free.get(0);
    DimExpr[] split = ps.splitLinear(v);
    if (split == null) {
      return Outcome.DEFERRED;
    }
    DimExpr c = split[0];
    DimExpr diff = a.minus(split[1]);
    if (diff.isConstant()) {
      long d = diff.constantValue();
      long cc = c.constantValue();
      if (d % cc != 0 || d / cc < 0) {
        return Outcome.fail(eq, b, ps, v);
      }
      return Outcome.done(b.with(v, DimExpr.of(d / cc)));
    }
    DimExpr x = diff.floorDiv(c);
    if (!x.times(c).equals(diff)) {
      return Outcome.DEFERRED;
    }
    return Outcome.done(b.with(v, x));
  }

  private static boolean isBare(DimExpr p, String v) {
    DimExpr[] s = p.splitLinear(v);
    return s != null && s[0].equals(DimExpr.of(1)) && s[1].equals(DimExpr.of(0));
  }

  private static Bindings dropUnknown(Bindings b) {
    Bindings out = Bindings.empty();
    for (var e : b.dims().entrySet()) {
      if (!e.getValue().isUnknown()) {
        out = out.with(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** {@code " with In = 120"}, or nothing when no variable is bound to a known size. */
  static String withBindings(Bindings b) {
    String s = b.toString();
    return s.isEmpty() ? "" : " with " + s;
  }

  /** "dim 1", or "dim -1" when the shape has a variadic prefix. */
  static String dimLabel(TensorShape s, int i) {
    return "dim " + (s.hasVariadic() ? i - s.rank() : i);
  }

  /** One pattern dim against one actual dim. */
  private static final class Equation {
    final String op;
    final String name;
    final int index;
    final TensorShape pattern;
    final TensorShape actual;
    final int patternDim;
    final int actualDim;

    Equation(String op, String name, int index, TensorShape pattern, TensorShape actual,
        int patternDim, int actualDim) {
      this.op = op;
      this.name = name;
      this.index = index;
      this.pattern = pattern;
      this.actual = actual;
      this.patternDim = patternDim;
      this.actualDim = actualDim;
    }
  }

  /** Solved (new bindings), deferred, or failed. */
  private static final class Outcome {
    static final Outcome DEFERRED = new Outcome(null, null, true);
    final Bindings bindings;
    final ShapeMismatch mismatch;
    final boolean deferred;

    private Outcome(Bindings bindings, ShapeMismatch mismatch, boolean deferred) {
      this.bindings = bindings;
      this.mismatch = mismatch;
      this.deferred = deferred;
    }

    static Outcome done(Bindings b) {
      return new Outcome(b, null, false);
    }

    static Outcome fail(Equation eq, Bindings b, DimExpr expected, String unsolved) {
      DimExpr written = eq.pattern.dim(eq.patternDim);
      DimExpr found = eq.actual.dim(eq.actualDim);
      String head = "argument " + eq.name + " is " + eq.actual + ", required " + eq.pattern
          + withBindings(b);
      String detail;
      String key;
      if (unsolved != null) {
        key = MessageKeys.MISMATCH_UNSOLVABLE;
        detail = head + " (" + dimLabel(eq.actual, eq.actualDim) + ": no size " + unsolved
            + " gives " + written + " = " + found + ")";
      } else {
        key = MessageKeys.MISMATCH_ARGUMENT;
        String req = written.equals(expected) ? written.toString() : written + " = " + expected;
        detail = head + " (" + dimLabel(eq.actual, eq.actualDim) + ": found " + found
            + ", required " + req + ")";
      }
      return new Outcome(b, new ShapeMismatch(key, eq.op, detail, eq.index, eq.actualDim), false);
    }
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sizes known to divide other sizes ({@code H | D}: "{@code D} is divisible by {@code H}"), and
 * the normal form of sizes under them: with {@code H | D}, {@code H*(D/H)} is {@code D}, {@code
 * 2*H*(D/H)} is {@code 2*D}, {@code D % H} is {@code 0}, while {@code (D/H)/K} stays as it is
 * unless another fact applies.
 *
 * <p>How: a fact whose dividend is one variable ({@code D}) and whose divisor is one term ({@code
 * H}, {@code 4}, {@code 2*H}, {@code G*K}) lets {@code D} be written {@code H*(D/H)}, with the
 * floor division {@code D/H} an atom of the polynomial. {@link #expand} rewrites every such
 * variable that way (the <em>working form</em>: ordinary polynomial arithmetic is exact in it, so
 * {@code B*T*D} equals {@code B*T*H*(D/H)}); {@link #normalize} then folds each {@code H*(D/H)}
 * back into {@code D} (the <em>normal form</em>, the one to show). Both are functions of the
 * working form, so two sizes are equal under the facts exactly when their normal forms are
 * equal. Facts chain ({@code G | H} and {@code H | D} give {@code D = G*(H/G)*(D/H)}); a second
 * fact on the same dividend, or one that would make a cycle, is still known ({@link #divides})
 * but does not rewrite. Facts over constants check themselves ({@link #contradictions}: {@code 6
 * | 12} holds, {@code 5 | 12} does not).
 *
 * <p>Values are immutable. {@link #NONE} normalises nothing and costs nothing.
 */
public final class DivisibilityFacts {

  /** No facts: {@link #expand} and {@link #normalize} return their argument. */
  public static final DivisibilityFacts NONE = new DivisibilityFacts(List.of());

  /**
   * One fact: {@code divisor} divides {@code dividend} ({@code dividend % divisor == 0}).
   *
   * @param dividend the size that is a multiple ({@code D})
   * @param divisor the size that divides it ({@code H})
   */
  public record Fact(DimExpr dividend, DimExpr divisor) {
    /** Checks both are present. */
    public Fact {
      Objects.requireNonNull(dividend, "dividend");
      Objects.requireNonNull(divisor, "divisor");
    }

    /** The fact in the shape language's words, {@code D divisible by H}. */
    @Override
    public String toString() {
      return dividend + " divisible by " + divisor;
    }
  }

  /** Whether a divisibility holds: provably, provably not, or not known. */
  public enum Truth {
    /** It follows from the facts (or from the values). */
    HOLDS,
    /** The values contradict it (a non-zero remainder). */
    FAILS,
    /** Neither: a size is unknown, or symbolic sizes the facts say nothing about. */
    UNKNOWN
  }

  private final List<Fact> facts;
  /** Rewritable dividend variable to its working form ({@code D -> H*(D/H)}). */
  private final Map<String, DimExpr> expansions;
  /** The quotient atom {@code D/H} of each rewritable fact, to its fact. */
  private final Map<DimAtom, Fact> quotients;

  private DivisibilityFacts(List<Fact> facts) {
    this.facts = List.copyOf(facts);
    Map<String, Fact> rewritable = new LinkedHashMap<>();
    for (Fact f : this.facts) {
      if (rewritable(f) && !rewritable.containsKey(singleVariable(f.dividend))) {
        rewritable.put(singleVariable(f.dividend), f);
      }
    }
    Map<String, DimExpr> exp = new HashMap<>();
    Set<String> dropped = new HashSet<>();
    for (String v : rewritable.keySet()) {
      resolve(v, rewritable, exp, new HashSet<>(), dropped);
    }
    this.expansions = exp;
    Map<DimAtom, Fact> q = new HashMap<>();
    for (Map.Entry<String, Fact> e : rewritable.entrySet()) {
      if (exp.containsKey(e.getKey())) {
        q.put(quotientAtom(e.getValue()), e.getValue());
      }
    }
    this.quotients = q;
  }

  /** The given facts. */
  public static DivisibilityFacts of(List<Fact> facts) {
    return facts.isEmpty() ? NONE : new DivisibilityFacts(facts);
  }

  /** These facts and {@code divisor | dividend}. */
  public DivisibilityFacts with(DimExpr dividend, DimExpr divisor) {
    List<Fact> all = new ArrayList<>(facts);
    all.add(new Fact(dividend, divisor));
    return new DivisibilityFacts(all);
  }

  /**
   * Parses facts written in the shape language, {@code {"D", "H"}} pairs of dividend and
   * divisor.
   *
   * @throws ShapeSyntaxException if a size does not parse
   */
  public static DivisibilityFacts parse(String... dividendDivisorPairs) {
    if (dividendDivisorPairs.length % 2 != 0) {
      throw new IllegalArgumentException("dividend and divisor pairs expected");
    }
    List<Fact> all = new ArrayList<>();
    for (int i = 0; i < dividendDivisorPairs.length; i += 2) {
      all.add(new Fact(ShapeParser.parseDim(dividendDivisorPairs[i]),
          ShapeParser.parseDim(dividendDivisorPairs[i + 1])));
    }
    return of(all);
  }

  /** The facts, in the order given. */
  public List<Fact> facts() {
    return facts;
  }

  /** True for no facts. */
  public boolean isEmpty() {
    return facts.isEmpty();
  }

  /**
   * The facts whose sizes are constants that do not divide ({@code 5 | 12}, or a divisor 0 of a
   * non-zero size); empty if every concrete fact holds.
   */
  public List<Fact> contradictions() {
    List<Fact> bad = new ArrayList<>();
    for (Fact f : facts) {
      if (f.dividend.isConstant() && f.divisor.isConstant()
          && !constantDivides(f.divisor.constantValue(), f.dividend.constantValue())) {
        bad.add(f);
      }
    }
    return bad;
  }

  /**
   * Whether {@code divisor} divides {@code dividend} under these facts: {@link Truth#HOLDS} when
   * the remainder's normal form is 0 (or the pair is a fact), {@link Truth#FAILS} when it is a
   * non-zero constant, else {@link Truth#UNKNOWN} (unknown sizes included).
   */
  public Truth divides(DimExpr divisor, DimExpr dividend) {
    if (divisor.isUnknown() || dividend.isUnknown()) {
      return Truth.UNKNOWN;
    }
    if (divisor.isConstant() && dividend.isConstant()) {
      return constantDivides(divisor.constantValue(), dividend.constantValue())
          ? Truth.HOLDS : Truth.FAILS;
    }
    DimExpr d = expand(divisor);
    if (d.isConstant() && d.constantValue() == 0) {
      return Truth.UNKNOWN;
    }
    DimExpr n = normalize(dividend);
    DimExpr h = normalize(divisor);
    for (Fact f : facts) {
      if (normalize(f.dividend).equals(n) && normalize(f.divisor).equals(h)) {
        return Truth.HOLDS;
      }
    }
    DimExpr r = expand(dividend).mod(d);
    if (r.isConstant()) {
      return r.constantValue() == 0 ? Truth.HOLDS : Truth.FAILS;
    }
    return Truth.UNKNOWN;
  }

  /**
   * Checks a fact that {@code op} states, as a precondition, with the sizes of one call: null
   * when it holds or cannot be decided (an unknown size); else the mismatch, key {@link
   * MessageKeys#DIVISIBILITY}. Concrete sizes that do not divide fail; symbolic sizes fail
   * unless these facts (the caller's) show the divisibility.
   *
   * @param op the method or constructor that states the fact, for the message
   * @param stated the fact as written ({@code D divisible by H})
   * @param dividend the call's size for the fact's dividend
   * @param divisor the call's size for the fact's divisor
   */
  public ShapeMismatch checkPrecondition(
      String op, Fact stated, DimExpr dividend, DimExpr divisor) {
    Truth t = divides(divisor, dividend);
    if (t == Truth.HOLDS || t == Truth.UNKNOWN
        && (dividend.isUnknown() || divisor.isUnknown()
            || dividend.isConstant() && divisor.isConstant())) {
      return null;
    }
    DimExpr n = normalize(dividend);
    DimExpr h = normalize(divisor);
    String values = values(stated, n, h);
    String detail;
    if (t == Truth.FAILS) {
      String remainder = n.isConstant() && h.isConstant()
          ? " (" + n + " % " + h + " = " + Math.floorMod(n.constantValue(), h.constantValue())
              + ")" : "";
      detail = "requires " + stated + ", but " + values + remainder + "; pass sizes where "
          + stated.divisor + " divides " + stated.dividend;
    } else {
      detail = "requires " + stated + ", but " + values + ", and the caller does not state it;"
          + " add @Divisible(value = \"" + n + "\", by = \"" + h + "\") to the calling method"
          + " (or its class)";
    }
    return new ShapeMismatch(MessageKeys.DIVISIBILITY, op, detail, -1, -1);
  }

  /** {@code "here D = 10 and H = 3"}, or {@code "here D and H"} where they are as written. */
  private static String values(Fact stated, DimExpr n, DimExpr h) {
    String dn = stated.dividend.equals(n) ? stated.dividend.toString() : stated.dividend + " = " + n;
    String dh = stated.divisor.equals(h) ? stated.divisor.toString() : stated.divisor + " = " + h;
    return "here " + dn + " and " + dh;
  }

  /**
   * The working form: every rewritable dividend {@code D} replaced by {@code H*(D/H)} (through
   * chains of facts). Polynomial arithmetic and comparison are exact in it; show {@link
   * #normalize}'s form instead.
   */
  public DimExpr expand(DimExpr e) {
    if (expansions.isEmpty() || e.isUnknown() || e.isConstant()) {
      return e;
    }
    return e.substitute(expansions);
  }

  /** {@link #expand} of every dim. */
  public TensorShape expand(TensorShape s) {
    return map(s, true);
  }

  /**
   * The normal form under these facts: {@code H*(D/H)} is {@code D}, {@code D % H} is 0. Two
   * sizes are equal under the facts exactly when their normal forms are equal.
   */
  public DimExpr normalize(DimExpr e) {
    if (expansions.isEmpty() || e.isUnknown() || e.isConstant()) {
      return e;
    }
    return contract(expand(e), 0);
  }

  /** {@link #normalize} of every dim. */
  public TensorShape normalize(TensorShape s) {
    return map(s, false);
  }

  private TensorShape map(TensorShape s, boolean expandOnly) {
    if (expansions.isEmpty() || s.dims().isEmpty()) {
      return s;
    }
    List<DimExpr> dims = new ArrayList<>(s.rank());
    boolean changed = false;
    for (DimExpr d : s.dims()) {
      DimExpr n = expandOnly ? expand(d) : normalize(d);
      changed |= n != d;
      dims.add(n);
    }
    return changed ? TensorShape.of(s.variadic(), dims) : s;
  }

  /** Folds {@code H*(D/H)} into {@code D}, inside atoms too, until nothing folds. */
  private DimExpr contract(DimExpr e, int depth) {
    if (e.isUnknown() || e.isConstant() || depth > 16) {
      return e;
    }
    // First the operands of floor divisions and remainders that are not quotients of facts.
    DimExpr rebuilt = DimExpr.of(e.constantTerm());
    boolean inner = false;
    for (Map.Entry<DimMonomial, Long> t : e.termMap().entrySet()) {
      DimExpr product = DimExpr.of(t.getValue());
      for (DimAtom a : t.getKey().atoms) {
        if (a.name == null && !quotients.containsKey(a)) {
          DimExpr l = contract(a.left, depth + 1);
          DimExpr r = contract(a.right, depth + 1);
          product = product.times(a.op == '/' ? l.floorDiv(r) : l.mod(r));
          inner = true;
        } else {
          product = product.times(DimExpr.atom(a));
        }
      }
      rebuilt = rebuilt.plus(product);
    }
    DimExpr cur = inner ? rebuilt : e;
    for (int guard = 0; guard < 256; guard++) {
      DimExpr next = foldOnce(cur);
      if (next == null) {
        return cur;
      }
      cur = next;
    }
    return cur;
  }

  /** One fold of {@code c*H*(D/H)*rest} into {@code (c/h)*D*rest}, or null if none applies. */
  private DimExpr foldOnce(DimExpr e) {
    for (Map.Entry<DimMonomial, Long> t : e.termMap().entrySet()) {
      long c = t.getValue();
      for (DimAtom a : t.getKey().atoms) {
        Fact f = quotients.get(a);
        if (f == null) {
          continue;
        }
        long k = coefficient(f.divisor);
        DimMonomial md = monomial(f.divisor);
        if (c % k != 0) {
          continue;
        }
        List<DimAtom> rest = new ArrayList<>(t.getKey().atoms);
        rest.remove(a);
        DimMonomial without = DimMonomial.ofAll(rest).dividedBy(md);
        if (without == null) {
          continue;
        }
        DimExpr folded = DimExpr.term(without, c / k).times(f.dividend);
        return e.minus(DimExpr.term(t.getKey(), c)).plus(folded);
      }
    }
    return null;
  }

  private void resolve(String v, Map<String, Fact> rewritable, Map<String, DimExpr> exp,
      Set<String> visiting, Set<String> dropped) {
    if (exp.containsKey(v) || dropped.contains(v)) {
      return;
    }
    Fact f = rewritable.get(v);
    if (f == null) {
      return;
    }
    if (!visiting.add(v)) {
      dropped.add(v); // a cycle (H | D and D | H): this fact does not rewrite
      return;
    }
    Map<String, DimExpr> inner = new HashMap<>();
    for (String u : f.divisor.variables()) {
      if (rewritable.containsKey(u)) {
        resolve(u, rewritable, exp, visiting, dropped);
        if (exp.containsKey(u)) {
          inner.put(u, exp.get(u));
        }
      }
    }
    visiting.remove(v);
    if (dropped.contains(v)) {
      return;
    }
    DimExpr divisor = inner.isEmpty() ? f.divisor : f.divisor.substitute(inner);
    exp.put(v, divisor.times(DimExpr.atom(quotientAtom(f))));
  }

  /** {@code D/H} as an atom, never simplified. */
  private static DimAtom quotientAtom(Fact f) {
    return new DimAtom(null, f.dividend, f.divisor, '/');
  }

  /**
   * A fact rewrites when its dividend is one variable and its divisor one non-zero term that
   * does not mention it.
   */
  private static boolean rewritable(Fact f) {
    String v = singleVariable(f.dividend);
    DimExpr d = f.divisor;
    if (v == null || d.isUnknown() || d.variables().contains(v)) {
      return false;
    }
    if (d.isConstant()) {
      return d.constantValue() > 0;
    }
    return d.constantTerm() == 0 && d.termMap().size() == 1
        && d.termMap().values().iterator().next() > 0;
  }

  private static String singleVariable(DimExpr e) {
    if (e.isUnknown() || e.isConstant() || e.constantTerm() != 0 || e.termMap().size() != 1) {
      return null;
    }
    Map.Entry<DimMonomial, Long> t = e.termMap().entrySet().iterator().next();
    return t.getValue() == 1 && t.getKey().atoms.size() == 1 && t.getKey().atoms.get(0).name != null
        ? t.getKey().atoms.get(0).name : null;
  }

  private static long coefficient(DimExpr singleTerm) {
    return singleTerm.isConstant()
        ? singleTerm.constantValue() : singleTerm.termMap().values().iterator().next();
  }

  private static DimMonomial monomial(DimExpr singleTerm) {
    return singleTerm.isConstant()
        ? DimMonomial.ONE : singleTerm.termMap().keySet().iterator().next();
  }

  private static boolean constantDivides(long divisor, long dividend) {
    return divisor == 0 ? dividend == 0 : dividend % divisor == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DivisibilityFacts f && facts.equals(f.facts);
  }

  @Override
  public int hashCode() {
    return facts.hashCode();
  }

  /** {@code [D divisible by H, C divisible by G]}. */
  @Override
  public String toString() {
    return facts.toString();
  }
}

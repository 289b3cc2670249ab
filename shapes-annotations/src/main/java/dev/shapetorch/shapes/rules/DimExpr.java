package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The size of one dimension: a symbolic integer expression in normal form, or {@link #UNKNOWN}.
 *
 * <p>An expression is a polynomial with integer coefficients over <em>atoms</em>: shape
 * variables ({@code B}, {@code n}) and floor divisions or remainders that do not simplify
 * ({@code (H-K)/S}). Equal polynomials have equal normal forms, so {@code 2*B} equals {@code
 * B+B} and {@code (H*W)/W} equals {@code H}. Division is floor division, as in PyTorch's
 * output-size formulas. Values are immutable; constants are cheap (no map is allocated).
 *
 * <p>{@link #UNKNOWN} stands for one dimension of unknown size ({@code "_"}); arithmetic with it
 * gives {@code UNKNOWN}, and it unifies with every size.
 */
public final class DimExpr implements Comparable<DimExpr> {

  /** One dimension of unknown size. */
  public static final DimExpr UNKNOWN = new DimExpr(0, null, true);

  private static final DimExpr[] SMALL = new DimExpr[1025];
  /** {@code -1}, the "infer this size" of reshape, view and expand. */
  private static final DimExpr MINUS_ONE = new DimExpr(-1, null, false);

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new DimExpr(i, null, false);
    }
  }

  private final long constant;
  /** Non-constant terms: monomial (sorted atoms, with repeats) to coefficient; null if none. */
  private final TreeMap<DimMonomial, Long> terms;

  private final boolean unknown;
  private String rendered;

  private DimExpr(long constant, TreeMap<DimMonomial, Long> terms, boolean unknown) {
    this.constant = constant;
    this.terms = terms == null || terms.isEmpty() ? null : terms;
    this.unknown = unknown;
  }

  /** The literal size {@code value}. */
  public static DimExpr of(long value) {
    if (value >= 0 && value < SMALL.length) {
      return SMALL[(int) value];
    }
    return value == -1 ? MINUS_ONE : new DimExpr(value, null, false);
  }

  /** The shape variable (or dependent int) called {@code name}. */
  public static DimExpr variable(String name) {
    Objects.requireNonNull(name, "name");
    return monomialExpr(DimMonomial.of(new DimAtom(name, null, null, ' ')));
  }

  /** True for {@link #UNKNOWN}. */
  public boolean isUnknown() {
    return unknown;
  }

  /** True if this is a literal integer (not unknown, no variables). */
  public boolean isConstant() {
    return !unknown && terms == null;
  }

  /**
   * The literal value.
   *
   * @throws IllegalStateException if this is not {@linkplain #isConstant() constant}
   */
  public long constantValue() {
    if (!isConstant()) {
      throw new IllegalStateException("not a constant size: " + this);
    }
    return constant;
  }

  /** The names of the variables this expression mentions, sorted. */
  public Set<String> variables() {
    Set<String> names = new TreeSet<>();
    if (terms != null) {
      for (DimMonomial m : terms.keySet()) {
        for (DimAtom a : m.atoms) {
          a.collectVariables(names);
        }
      }
    }
    return names;
  }

  /** {@code this + other}. */
  public DimExpr plus(DimExpr other) {
    if (unknown || other.unknown) {
      return UNKNOWN;
    }
    if (terms == null && other.terms == null) {
      return of(Math.addExact(constant, other.constant));
    }
    TreeMap<DimMonomial, Long> sum = copyTerms();
    if (other.terms != null) {
      for (Map.Entry<DimMonomial, Long> e : other.terms.entrySet()) {
        sum.merge(e.getKey(), e.getValue(), Math::addExact);
        if (sum.get(e.getKey()) == 0L) {
          sum.remove(e.getKey());
        }
      }
    }
    return new DimExpr(Math.addExact(constant, other.constant), sum, false);
  }

  /** {@code this - other}. */
  public DimExpr minus(DimExpr other) {
    return plus(other.times(of(-1)));
  }

  /** {@code this * other}. */
  public DimExpr times(DimExpr other) {
    if (unknown || other.unknown) {
      return UNKNOWN;
    }
    if (terms == null && other.terms == null) {
      return of(Math.multiplyExact(constant, other.constant));
    }
    DimExpr result = of(0);
    for (Map.Entry<DimMonomial, Long> a : allTerms().entrySet()) {
      for (Map.Entry<DimMonomial, Long> b : other.allTerms().entrySet()) {
        DimMonomial m = a.getKey().times(b.getKey());
        long c = Math.multiplyExact(a.getValue(), b.getValue());
        result = result.plus(m.atoms.isEmpty() ? of(c) : monomialExpr(m).scale(c));
      }
    }
    return result;
  }

  /**
   * Floor division {@code this / other}. Exact divisions simplify ({@code (2*B)/2 = B}, {@code
   * (H*W)/W = H}); others stay as an atom.
   *
   * @throws ArithmeticException on division by the literal zero
   */
  public DimExpr floorDiv(DimExpr other) {
    if (unknown || other.unknown) {
      return UNKNOWN;
    }
    if (other.isConstant() && other.constant == 0) {
      throw new ArithmeticException("division by zero in a shape: " + this + "/0");
    }
    if (isConstant() && other.isConstant()) {
      return of(Math.floorDiv(constant, other.constant));
    }
    DimExpr exact = exactQuotient(other);
    if (exact != null) {
      return exact;
    }
    if (other.isConstant() && termsDivisibleBy(other.constant)) {
      // floor((d*P + r) / d) = P + floor(r / d) for an integer polynomial P.
      return minus(of(constant)).exactQuotient(other)
          .plus(of(Math.floorDiv(constant, other.constant)));
    }
    return monomialExpr(DimMonomial.of(new DimAtom(null, this, other, '/')));
  }

  /** Floor remainder {@code this % other}; zero where the division is exact. */
  public DimExpr mod(DimExpr other) {
    if (unknown || other.unknown) {
      return UNKNOWN;
    }
    if (other.isConstant() && other.constant == 0) {
      throw new ArithmeticException("remainder by zero in a shape: " + this + "%0");
    }
    if (isConstant() && other.isConstant()) {
      return of(Math.floorMod(constant, other.constant));
    }
    if (exactQuotient(other) != null) {
      return of(0);
    }
    if (other.isConstant() && termsDivisibleBy(other.constant)) {
      return of(Math.floorMod(constant, other.constant));
    }
    return monomialExpr(DimMonomial.of(new DimAtom(null, this, other, '%')));
  }

  /** Replaces variables by the expressions {@code values} binds them to; others stay. */
  public DimExpr substitute(Map<String, DimExpr> values) {
    if (unknown || terms == null || values.isEmpty()) {
      return this;
    }
    DimExpr result = of(constant);
    for (Map.Entry<DimMonomial, Long> e : terms.entrySet()) {
      DimExpr product = of(e.getValue());
      for (DimAtom a : e.getKey().atoms) {
        product = product.times(a.substitute(values));
      }
      result = result.plus(product);
    }
    return result;
  }

  private boolean termsDivisibleBy(long d) {
    if (terms != null) {
      for (long c : terms.values()) {
        if (c % d != 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Splits this expression as {@code c*name + rest}, where {@code c} is a non-zero constant and
   * {@code rest} does not mention {@code name}; null if {@code name} occurs otherwise (in a
   * product, a division, or not at all). Used by the unifier to solve {@code N-1 = 9}.
   */
  DimExpr[] splitLinear(String name) {
    if (unknown || terms == null) {
      return null;
    }
    DimMonomial alone = DimMonomial.of(new DimAtom(name, null, null, ' '));
    Long c = terms.get(alone);
    if (c == null) {
      return null;
    }
    TreeMap<DimMonomial, Long> rest = new TreeMap<>(terms);
    rest.remove(alone);
    DimExpr r = new DimExpr(constant, rest, false);
    if (r.variables().contains(name)) {
      return null;
    }
    return new DimExpr[] {of(c), r};
  }

  private DimExpr scale(long c) {
    if (c == 1) {
      return this;
    }
    if (c == 0) {
      return of(0);
    }
    TreeMap<DimMonomial, Long> scaled = new TreeMap<>();
    if (terms != null) {
      for (Map.Entry<DimMonomial, Long> e : terms.entrySet()) {
        scaled.put(e.getKey(), Math.multiplyExact(e.getValue(), c));
      }
    }
    return new DimExpr(Math.multiplyExact(constant, c), scaled, false);
  }

  /** The quotient if {@code other} divides every term exactly, else null. */
  private DimExpr exactQuotient(DimExpr other) {
    if (other.isConstant()) {
      long d = other.constant;
      if (constant % d != 0) {
        return null;
      }
      TreeMap<DimMonomial, Long> q = new TreeMap<>();
      if (terms != null) {
        for (Map.Entry<DimMonomial, Long> e : terms.entrySet()) {
          if (e.getValue() % d != 0) {
            return null;
          }
          q.put(e.getKey(), e.getValue() / d);
        }
      }
      return new DimExpr(constant / d, q, false);
    }
    // A single-term divisor c*m divides a polynomial whose every term is a multiple of it.
    if (terms == null) {
      return constant == 0 ? of(0) : null;
    }
    if (other.constant != 0 || other.terms.size() != 1 || constant != 0) {
      return equals(other) ? of(1) : null;
    }
    Map.Entry<DimMonomial, Long> divisor = other.terms.firstEntry();
    DimExpr result = of(0);
    for (Map.Entry<DimMonomial, Long> e : terms.entrySet()) {
      DimMonomial rest = e.getKey().dividedBy(divisor.getKey());
      if (rest == null || e.getValue() % divisor.getValue() != 0) {
        return null;
      }
      long c = e.getValue() / divisor.getValue();
      result = result.plus(rest.atoms.isEmpty() ? of(c) : monomialExpr(rest).scale(c));
    }
    return result;
  }

  private TreeMap<DimMonomial, Long> copyTerms() {
    return terms == null ? new TreeMap<>() : new TreeMap<>(terms);
  }

  private TreeMap<DimMonomial, Long> allTerms() {
    TreeMap<DimMonomial, Long> all = copyTerms();
    if (constant != 0) {
      all.put(DimMonomial.ONE, constant);
    }
    return all;
  }

  private static DimExpr monomialExpr(DimMonomial m) {
    TreeMap<DimMonomial, Long> t = new TreeMap<>();
    t.put(m, 1L);
    return new DimExpr(0, t, false);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DimExpr)) {
      return false;
    }
    DimExpr other = (DimExpr) o;
    return unknown == other.unknown
        && constant == other.constant
        && Objects.equals(terms, other.terms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(unknown, constant, terms);
  }

  /** A total order: unknown first, then constants by value, then by rendered text. */
  @Override
  public int compareTo(DimExpr o) {
    if (unknown || o.unknown) {
      return Boolean.compare(!unknown, !o.unknown);
    }
    if (terms == null && o.terms == null) {
      return Long.compare(constant, o.constant);
    }
    if (terms == null || o.terms == null) {
      return terms == null ? -1 : 1;
    }
    return toString().compareTo(o.toString());
  }

  /** The expression in the shape language, e.g. {@code C*H*W}, {@code (H-K)/S+1}, {@code _}. */
  @Override
  public String toString() {
    if (rendered == null) {
      rendered = render();
    }
    return rendered;
  }

  private String render() {
    if (unknown) {
      return "_";
    }
    if (terms == null) {
      return Long.toString(constant);
    }
    StringBuilder sb = new StringBuilder();
    List<Map.Entry<DimMonomial, Long>> ordered = new ArrayList<>(terms.entrySet());
    // Higher-degree terms first, then positive before negative coefficients (H+2*P-K reads
    // better than -K+2*P+H), then in the monomials' alphabetical order (the sort is stable).
    ordered.sort((x, y) -> {
      int byDegree = Integer.compare(y.getKey().atoms.size(), x.getKey().atoms.size());
      return byDegree != 0 ? byDegree : Boolean.compare(x.getValue() < 0, y.getValue() < 0);
    });
    for (Map.Entry<DimMonomial, Long> e : ordered) {
      long c = e.getValue();
      if (sb.length() > 0) {
        sb.append(c < 0 ? "-" : "+");
      } else if (c < 0) {
        sb.append('-');
      }
      long abs = Math.abs(c);
      if (abs != 1) {
        sb.append(abs).append('*');
      }
      // A floor division or remainder inside a product, or after a unary minus, needs
      // parentheses: "2*(H/S)" is not "2*H/S", and "-(X/S)" is not "-X/S" = (-X)/S.
      sb.append(e.getKey().render(abs != 1 || c < 0 || e.getKey().atoms.size() > 1));
    }
    if (constant != 0) {
      sb.append(constant < 0 ? "-" : "+").append(Math.abs(constant));
    }
    return sb.toString();
  }

  /** The constant term (0 for unknown). */
  long constantTerm() {
    return constant;
  }

  /** The non-constant terms, monomial to coefficient (empty for constants and unknown). */
  Map<DimMonomial, Long> termMap() {
    return terms == null ? Map.of() : java.util.Collections.unmodifiableMap(terms);
  }

  /** {@code c * m}. */
  static DimExpr term(DimMonomial m, long c) {
    return m.atoms.isEmpty() ? of(c) : monomialExpr(m).scale(c);
  }

  /** The atom, as an expression. */
  static DimExpr atom(DimAtom a) {
    return monomialExpr(DimMonomial.of(a));
  }

  /** True if this is exactly one atom with coefficient 1 (a variable, {@code H/2}). */
  boolean isSingleAtom() {
    return terms != null && terms.size() == 1 && constant == 0
        && terms.firstEntry().getValue() == 1 && terms.firstKey().atoms.size() == 1;
  }

  /** True if this is exactly one variable. */
  boolean isSingleVariable() {
    return isSingleAtom() && terms.firstKey().atoms.get(0).name != null;
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Collections;
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

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new DimExpr(i, null, false);
    }
  }

  private final long constant;
  /** Non-constant terms: monomial (sorted atoms, with repeats) to coefficient; null if none. */
  private final TreeMap<Monomial, Long> terms;

  private final boolean unknown;
  private String rendered;

  private DimExpr(long constant, TreeMap<Monomial, Long> terms, boolean unknown) {
    this.constant = constant;
    this.terms = terms == null || terms.isEmpty() ? null : terms;
    this.unknown = unknown;
  }

  /** The literal size {@code value}. */
  public static DimExpr of(long value) {
    return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new DimExpr(value, null, false);
  }

  /** The shape variable (or dependent int) called {@code name}. */
  public static DimExpr variable(String name) {
    Objects.requireNonNull(name, "name");
    return monomialExpr(Monomial.of(new Atom(name, null, null, ' ')));
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
      for (Monomial m : terms.keySet()) {
        for (Atom a : m.atoms) {
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
    TreeMap<Monomial, Long> sum = copyTerms();
    if (other.terms != null) {
      for (Map.Entry<Monomial, Long> e : other.terms.entrySet()) {
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
    for (Map.Entry<Monomial, Long> a : allTerms().entrySet()) {
      for (Map.Entry<Monomial, Long> b : other.allTerms().entrySet()) {
        Monomial m = a.getKey().times(b.getKey());
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
    return monomialExpr(Monomial.of(new Atom(null, this, other, '/')));
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
    return monomialExpr(Monomial.of(new Atom(null, this, other, '%')));
  }

  /** Replaces variables by the expressions {@code values} binds them to; others stay. */
  public DimExpr substitute(Map<String, DimExpr> values) {
    if (unknown || terms == null || values.isEmpty()) {
      return this;
    }
    DimExpr result = of(constant);
    for (Map.Entry<Monomial, Long> e : terms.entrySet()) {
      DimExpr product = of(e.getValue());
      for (Atom a : e.getKey().atoms) {
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
    Monomial alone = Monomial.of(new Atom(name, null, null, ' '));
    Long c = terms.get(alone);
    if (c == null) {
      return null;
    }
    TreeMap<Monomial, Long> rest = new TreeMap<>(terms);
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
    TreeMap<Monomial, Long> scaled = new TreeMap<>();
    if (terms != null) {
      for (Map.Entry<Monomial, Long> e : terms.entrySet()) {
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
      TreeMap<Monomial, Long> q = new TreeMap<>();
      if (terms != null) {
        for (Map.Entry<Monomial, Long> e : terms.entrySet()) {
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
    Map.Entry<Monomial, Long> divisor = other.terms.firstEntry();
    DimExpr result = of(0);
    for (Map.Entry<Monomial, Long> e : terms.entrySet()) {
      Monomial rest = e.getKey().dividedBy(divisor.getKey());
      if (rest == null || e.getValue() % divisor.getValue() != 0) {
        return null;
      }
      long c = e.getValue() / divisor.getValue();
      result = result.plus(rest.atoms.isEmpty() ? of(c) : monomialExpr(rest).scale(c));
    }
    return result;
  }

  private TreeMap<Monomial, Long> copyTerms() {
    return terms == null ? new TreeMap<>() : new TreeMap<>(terms);
  }

  private TreeMap<Monomial, Long> allTerms() {
    TreeMap<Monomial, Long> all = copyTerms();
    if (constant != 0) {
      all.put(Monomial.ONE, constant);
    }
    return all;
  }

  private static DimExpr monomialExpr(Monomial m) {
    TreeMap<Monomial, Long> t = new TreeMap<>();
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
    List<Map.Entry<Monomial, Long>> ordered = new ArrayList<>(terms.entrySet());
    // Higher-degree terms first, then positive before negative coefficients (H+2*P-K reads
    // better than -K+2*P+H), then in the monomials' alphabetical order (the sort is stable).
    ordered.sort((x, y) -> {
      int byDegree = Integer.compare(y.getKey().atoms.size(), x.getKey().atoms.size());
      return byDegree != 0 ? byDegree : Boolean.compare(x.getValue() < 0, y.getValue() < 0);
    });
    for (Map.Entry<Monomial, Long> e : ordered) {
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

  /** A factor of a monomial: a variable, or an irreducible floor division or remainder. */
  private static final class Atom implements Comparable<Atom> {
    final String name;
    final DimExpr left;
    final DimExpr right;
    final char op;
    final String key;

    Atom(String name, DimExpr left, DimExpr right, char op) {
      this.name = name;
      this.left = left;
      this.right = right;
      this.op = op;
      this.key = name != null ? name : "(" + left + ")" + op + "(" + right + ")";
    }

    void collectVariables(Set<String> out) {
      if (name != null) {
        out.add(name);
      } else {
        out.addAll(left.variables());
        out.addAll(right.variables());
      }
    }

    DimExpr substitute(Map<String, DimExpr> values) {
      if (name != null) {
        DimExpr v = values.get(name);
        return v != null ? v : variable(name);
      }
      DimExpr l = left.substitute(values);
      DimExpr r = right.substitute(values);
      return op == '/' ? l.floorDiv(r) : l.mod(r);
    }

    @Override
    public int compareTo(Atom o) {
      return key.compareTo(o.key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Atom && key.equals(((Atom) o).key);
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }

    @Override
    public String toString() {
      if (name != null) {
        return name;
      }
      return wrapLeft(left) + op + wrapRight(right);
    }

    /** The left operand needs no parentheses if it is a constant or one atom ("H/2/3"). */
    private static String wrapLeft(DimExpr e) {
      String s = e.toString();
      return e.isConstant() || (e.terms != null && e.terms.size() == 1 && e.constant == 0
              && e.terms.firstEntry().getValue() == 1 && e.terms.firstKey().atoms.size() == 1)
          ? s
          : "(" + s + ")";
    }

    /** The right operand needs none only if it is a constant or a variable ("X/(H/2)"). */
    private static String wrapRight(DimExpr e) {
      String s = e.toString();
      return e.isConstant() || (e.terms != null && e.terms.size() == 1 && e.constant == 0
              && e.terms.firstEntry().getValue() == 1 && e.terms.firstKey().atoms.size() == 1
              && e.terms.firstKey().atoms.get(0).name != null)
          ? s
          : "(" + s + ")";
    }
  }

  /** A product of atoms, kept sorted so that equal products compare equal. */
  private static final class Monomial implements Comparable<Monomial> {
    static final Monomial ONE = new Monomial(List.of());
    final List<Atom> atoms;

    private Monomial(List<Atom> atoms) {
      this.atoms = atoms;
    }

    static Monomial of(Atom a) {
      return new Monomial(List.of(a));
    }

    Monomial times(Monomial o) {
      List<Atom> all = new ArrayList<>(atoms);
      all.addAll(o.atoms);
      Collections.sort(all);
      return new Monomial(List.copyOf(all));
    }

    /** This divided by {@code d}, or null if some atom of {@code d} is missing here. */
    Monomial dividedBy(Monomial d) {
      List<Atom> rest = new ArrayList<>(atoms);
      for (Atom a : d.atoms) {
        if (!rest.remove(a)) {
          return null;
        }
      }
      return new Monomial(List.copyOf(rest));
    }

    @Override
    public int compareTo(Monomial o) {
      int n = Math.min(atoms.size(), o.atoms.size());
      for (int i = 0; i < n; i++) {
        int c = atoms.get(i).compareTo(o.atoms.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(atoms.size(), o.atoms.size());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Monomial && atoms.equals(((Monomial) o).atoms);
    }

    @Override
    public int hashCode() {
      return atoms.hashCode();
    }

    @Override
    public String toString() {
      return render(atoms.size() > 1);
    }

    /** The product, with division/remainder atoms in parentheses when {@code wrapDivisions}. */
    String render(boolean wrapDivisions) {
      StringBuilder sb = new StringBuilder();
      for (Atom a : atoms) {
        if (sb.length() > 0) {
          sb.append('*');
        }
        boolean wrap = wrapDivisions && a.name == null;
        sb.append(wrap ? "(" : "").append(a).append(wrap ? ")" : "");
      }
      return sb.toString();
    }
  }
}

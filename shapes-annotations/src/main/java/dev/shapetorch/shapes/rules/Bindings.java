package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What unification learned: shape variables bound to sizes and named variadics bound to
 * lists of leading dimensions. Immutable; {@link #with} and {@link #withVariadic} return
 * copies. Bindings keep insertion order, which is the order messages print them in.
 *
 * <p>A variable may be bound to {@link DimExpr#UNKNOWN} (it met an unknown size); a later
 * known size refines such a binding. A variadic is bound to a {@link TensorShape}, which may
 * itself have a variadic prefix when the actual shape's rank was not known.
 */
public final class Bindings {
  private static final Bindings EMPTY = new Bindings(Map.of(), Map.of());

  private final Map<String, DimExpr> dims;
  private final Map<String, TensorShape> variadics;

  private Bindings(Map<String, DimExpr> dims, Map<String, TensorShape> variadics) {
    this.dims = dims;
    this.variadics = variadics;
  }

  /** No bindings. */
  public static Bindings empty() {
    return EMPTY;
  }

  /** Bindings of the given variables (for dependent names the checker knows up front). */
  public static Bindings of(Map<String, DimExpr> dims) {
    return new Bindings(Collections.unmodifiableMap(new LinkedHashMap<>(dims)), Map.of());
  }

  /** The size {@code name} is bound to, or null if unbound. */
  public DimExpr get(String name) {
    return dims.get(name);
  }

  /** The leading dims the variadic {@code name} is bound to, or null if unbound. */
  public TensorShape variadic(String name) {
    return variadics.get(name);
  }

  /** True if {@code name} is bound (possibly to {@link DimExpr#UNKNOWN}). */
  public boolean isBound(String name) {
    return dims.containsKey(name);
  }

  /** Every variable binding, in the order they were made. */
  public Map<String, DimExpr> dims() {
    return dims;
  }

  /** Every variadic binding, in the order they were made. */
  public Map<String, TensorShape> variadics() {
    return variadics;
  }

  /** True if nothing is bound. */
  public boolean isEmpty() {
    return dims.isEmpty() && variadics.isEmpty();
  }

  /** A copy with {@code name} bound (or rebound) to {@code value}. */
  public Bindings with(String name, DimExpr value) {
    Objects.requireNonNull(value, "value");
    Map<String, DimExpr> copy = new LinkedHashMap<>(dims);
    copy.put(name, value);
    return new Bindings(Collections.unmodifiableMap(copy), variadics);
  }

  /** A copy with the variadic {@code name} bound to {@code prefix}. */
  public Bindings withVariadic(String name, TensorShape prefix) {
    Objects.requireNonNull(prefix, "prefix");
    Map<String, TensorShape> copy = new LinkedHashMap<>(variadics);
    copy.put(name, prefix);
    return new Bindings(dims, Collections.unmodifiableMap(copy));
  }

  /** {@code e} with bound variables replaced (those bound to unknown make it unknown). */
  public DimExpr substitute(DimExpr e) {
    return dims.isEmpty() ? e : e.substitute(dims);
  }

  /**
   * Instantiates a pattern: bound variables are replaced, a bound named variadic is replaced by
   * its dims, unbound ones stay as they are.
   */
  public TensorShape substitute(TensorShape pattern) {
    return instantiate(pattern, false);
  }

  /**
   * Instantiates a result pattern at a call site: like {@link #substitute(TensorShape)}, but
   * every variable still unbound becomes {@link DimExpr#UNKNOWN} and an unbound named
   * variadic becomes an anonymous one (unknown leading dims), so that no callee variable leaks
   * into the caller's types.
   */
  public TensorShape instantiate(TensorShape pattern) {
    return instantiate(pattern, true);
  }

  private TensorShape instantiate(TensorShape pattern, boolean closeOver) {
    if (pattern.isConcrete()) {
      return pattern;
    }
    String variadic = pattern.variadic();
    List<DimExpr> out = new ArrayList<>();
    if (variadic != null && !variadic.equals(TensorShape.ANONYMOUS_VARIADIC)) {
      TensorShape bound = variadics.get(variadic);
      if (bound != null) {
        variadic = bound.variadic();
        out.addAll(bound.dims());
      } else if (closeOver) {
        variadic = TensorShape.ANONYMOUS_VARIADIC;
      }
    }
    for (DimExpr d : pattern.dims()) {
      out.add(closeOver && !dims.keySet().containsAll(d.variables())
          ? DimExpr.UNKNOWN
          : substitute(d));
    }
    return TensorShape.of(variadic, out);
  }

  /** True if the variables of {@code e} are all bound to known sizes. */
  boolean determines(DimExpr e) {
    Set<String> vars = e.variables();
    for (String v : vars) {
      DimExpr b = dims.get(v);
      if (b == null || b.isUnknown()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bindings
        && dims.equals(((Bindings) o).dims)
        && variadics.equals(((Bindings) o).variadics);
  }

  @Override
  public int hashCode() {
    return dims.hashCode() * 31 + variadics.hashCode();
  }

  /** {@code In = 120, *batch = [B]}; empty string when nothing is bound. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, DimExpr> e : dims.entrySet()) {
      sb.append(sb.length() > 0 ? ", " : "").append(e.getKey()).append(" = ").append(e.getValue());
    }
    for (Map.Entry<String, TensorShape> e : variadics.entrySet()) {
      sb.append(sb.length() > 0 ? ", " : "").append('*').append(e.getKey()).append(" = ")
          .append(e.getValue());
    }
    return sb.toString();
  }
}

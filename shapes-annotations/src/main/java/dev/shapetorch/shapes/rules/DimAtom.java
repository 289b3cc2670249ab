package dev.shapetorch.shapes.rules;

import java.util.Map;
import java.util.Set;

/** A factor of a monomial: a variable, or an irreducible floor division or remainder. */
final class DimAtom implements Comparable<DimAtom> {
  final String name;
  final DimExpr left;
  final DimExpr right;
  final char op;
  final String key;

  DimAtom(String name, DimExpr left, DimExpr right, char op) {
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
      return v != null ? v : DimExpr.variable(name);
    }
    DimExpr l = left.substitute(values);
    DimExpr r = right.substitute(values);
    return op == '/' ? l.floorDiv(r) : l.mod(r);
  }

  @Override
  public int compareTo(DimAtom o) {
    return key.compareTo(o.key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DimAtom && key.equals(((DimAtom) o).key);
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
    return e.isConstant() || e.isSingleAtom() ? s : "(" + s + ")";
  }

  /** The right operand needs none only if it is a constant or a variable ("X/(H/2)"). */
  private static String wrapRight(DimExpr e) {
    String s = e.toString();
    return e.isConstant() || e.isSingleVariable() ? s : "(" + s + ")";
  }
}

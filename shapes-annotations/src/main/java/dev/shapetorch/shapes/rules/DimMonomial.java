package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A product of atoms, kept sorted so that equal products compare equal. */
final class DimMonomial implements Comparable<DimMonomial> {
  static final DimMonomial ONE = new DimMonomial(List.of());
  final List<DimAtom> atoms;

  private DimMonomial(List<DimAtom> atoms) {
    this.atoms = atoms;
  }

  static DimMonomial of(DimAtom a) {
    return new DimMonomial(List.of(a));
  }

  DimMonomial times(DimMonomial o) {
    List<DimAtom> all = new ArrayList<>(atoms);
    all.addAll(o.atoms);
    Collections.sort(all);
    return new DimMonomial(List.copyOf(all));
  }

  /** This divided by {@code d}, or null if some atom of {@code d} is missing here. */
  DimMonomial dividedBy(DimMonomial d) {
    List<DimAtom> rest = new ArrayList<>(atoms);
    for (DimAtom a : d.atoms) {
      if (!rest.remove(a)) {
        return null;
      }
    }
    return new DimMonomial(List.copyOf(rest));
  }

  /** The product of these atoms, as an expression with coefficient 1. */
  static DimMonomial ofAll(List<DimAtom> atoms) {
    List<DimAtom> all = new ArrayList<>(atoms);
    Collections.sort(all);
    return new DimMonomial(List.copyOf(all));
  }

  @Override
  public int compareTo(DimMonomial o) {
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
    return o instanceof DimMonomial && atoms.equals(((DimMonomial) o).atoms);
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
    for (DimAtom a : atoms) {
      if (sb.length() > 0) {
        sb.append('*');
      }
      boolean wrap = wrapDivisions && a.name == null;
      sb.append(wrap ? "(" : "").append(a).append(wrap ? ")" : "");
    }
    return sb.toString();
  }
}

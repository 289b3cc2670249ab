package dev.shapetorch.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The elementwise algebra of lists; {@code add} keeps the longer list's extra elements.
 *
 * @param <A> the element type
 * @param element the elements' algebra
 */
record ListBackprop<A>(Backprop<A> element) implements Backprop<List<A>> {
  ListBackprop {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public List<A> zero(List<A> x) {
    List<A> out = new ArrayList<>(x.size());
    for (A a : x) {
      out.add(element.zero(a));
    }
    return List.copyOf(out);
  }

  @Override
  public List<A> add(List<A> x, List<A> y) {
    return addPadded(element, x, y);
  }

  @Override
  public List<A> one(List<A> x) {
    List<A> out = new ArrayList<>(x.size());
    for (A a : x) {
      out.add(element.one(a));
    }
    return List.copyOf(out);
  }

  /** Elementwise sum, keeping the longer list's tail. */
  static <A> List<A> addPadded(Backprop<A> element, List<A> x, List<A> y) {
    List<A> longer = x.size() >= y.size() ? x : y;
    List<A> shorter = longer == x ? y : x;
    List<A> out = new ArrayList<>(longer.size());
    for (int i = 0; i < longer.size(); i++) {
      out.add(i < shorter.size() ? element.add(x.get(i), y.get(i)) : longer.get(i));
    }
    return List.copyOf(out);
  }
}

package dev.shapetorch.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Focuses on any number of parts {@code A} of a whole {@code S}, in a fixed order: every element
 * of a list, the present value of an optional field, one field (a {@link Lens}). {@link
 * BVars#toListOfVar} and {@link BVars#previewVar} use one to reach into a {@link BVar}
 * (Haskell's {@code Traversal'}, for {@code toListOfVar} and {@code ^^?}).
 *
 * <p>Laws (gradients are only right for traversals that obey them): {@code getAll(setAll(s,
 * as)) == as} whenever {@code as} has as many parts as {@code getAll(s)}; {@code setAll(s,
 * getAll(s)) == s}; and parts are extracted unchanged (derivative 1).
 *
 * <pre>{@code
 * Traversal<List<Double>, Double> each = Traversal.list();
 * Traversal<T2<Double, Double>, Double> first = Traversal.fromLens(T2.lensFirst());
 * }</pre>
 *
 * @param <S> the whole
 * @param <A> the parts
 */
public interface Traversal<S, A> {
  /** The parts of {@code whole}, in order (possibly none). */
  List<A> getAll(S whole);

  /**
   * A copy of {@code whole} with its parts replaced; {@code whole} itself is not changed.
   *
   * @param whole the whole
   * @param parts as many parts as {@code getAll(whole)} returns, in the same order
   */
  S setAll(S whole, List<A> parts);

  /**
   * The traversal made of a getter and a (copying) setter of all parts.
   *
   * @param getAll {@link #getAll}
   * @param setAll {@link #setAll}
   */
  static <S, A> Traversal<S, A> of(Function<? super S, ? extends List<A>> getAll,
      BiFunction<? super S, ? super List<A>, ? extends S> setAll) {
    Objects.requireNonNull(getAll, "getAll");
    Objects.requireNonNull(setAll, "setAll");
    return new Traversal<>() {
      @Override
      public List<A> getAll(S whole) {
        return getAll.apply(whole);
      }

      @Override
      public S setAll(S whole, List<A> parts) {
        return setAll.apply(whole, parts);
      }
    };
  }

  /** The traversal of exactly the one part a lens focuses on. */
  static <S, A> Traversal<S, A> fromLens(Lens<S, A> lens) {
    Objects.requireNonNull(lens, "lens");
    return of(s -> List.of(lens.get(s)), (s, parts) -> lens.set(s, only("fromLens", parts)));
  }

  /**
   * The traversal of at most one part (Haskell's prism or affine traversal): the part {@code
   * get} returns if present, none otherwise; {@code set} is only called when it is present.
   *
   * @param get the part, if the whole has one
   * @param set a copy of the whole with its part replaced
   */
  static <S, A> Traversal<S, A> optional(Function<? super S, Optional<A>> get,
      BiFunction<? super S, ? super A, ? extends S> set) {
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(set, "set");
    return of(s -> get.apply(s).map(List::of).orElse(List.of()),
        (s, parts) -> parts.isEmpty() ? s : set.apply(s, only("optional", parts)));
  }

  /** The traversal of every element of a list; {@code setAll} returns an unmodifiable list. */
  static <A> Traversal<List<A>, A> list() {
    return of(xs -> xs, (xs, parts) -> {
      if (parts.size() != xs.size()) {
        throw new IllegalArgumentException("Traversal.list: setAll got " + parts.size()
            + " parts for a list of " + xs.size() + "; pass one part per element");
      }
      return List.copyOf(parts);
    });
  }

  /** The traversal of this one's parts' parts, in order. */
  default <B> Traversal<S, B> andThen(Traversal<A, B> inner) {
    Objects.requireNonNull(inner, "inner");
    Traversal<S, A> outer = this;
    return of(s -> {
      List<B> out = new ArrayList<>();
      for (A a : outer.getAll(s)) {
        out.addAll(inner.getAll(a));
      }
      return out;
    }, (s, bs) -> {
      List<A> as = outer.getAll(s);
      List<A> replaced = new ArrayList<>(as.size());
      int at = 0;
      for (A a : as) {
        int n = inner.getAll(a).size();
        replaced.add(inner.setAll(a, bs.subList(at, at + n)));
        at += n;
      }
      return outer.setAll(s, replaced);
    });
  }

  private static <A> A only(String name, List<A> parts) {
    if (parts.size() != 1) {
      throw new IllegalArgumentException("Traversal." + name + ": setAll got " + parts.size()
          + " parts for a whole with one; pass exactly one part");
    }
    return parts.get(0);
  }
}

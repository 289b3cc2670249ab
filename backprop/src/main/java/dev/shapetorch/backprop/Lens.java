package dev.shapetorch.backprop;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A getter and setter pair focusing on one part {@code A} of a whole {@code S}: a field of a
 * record, an element of a tuple. {@link Op#opLens} turns a lens into an op, and {@link
 * BVars#viewVar}, {@link BVars#setVar} and {@link BVars#overVar} use it to reach into a {@link
 * BVar} of a record.
 *
 * <p>Laws (every lens in ShapeTorch obeys them; gradients are only right for lenses that do):
 *
 * <ul>
 *   <li>get what you set: {@code get(set(s, a)) == a};
 *   <li>set what you got: {@code set(s, get(s)) == s};
 *   <li>set twice, the last wins: {@code set(set(s, a), b) == set(s, b)}.
 * </ul>
 *
 * <p>A lens must extract the part unchanged (derivative 1): a "lens" that scales or transforms
 * its part gives wrong gradients.
 *
 * @param <S> the whole
 * @param <A> the part
 */
public interface Lens<S, A> {
  /** The part of {@code whole} this lens focuses on. */
  A get(S whole);

  /** A copy of {@code whole} whose part is {@code part}; {@code whole} itself is not changed. */
  S set(S whole, A part);

  /** A copy of {@code whole} whose part is {@code f} applied to the old part. */
  default S over(S whole, UnaryOperator<A> f) {
    return set(whole, f.apply(get(whole)));
  }

  /** The lens that focuses on {@code inner}'s part of this lens's part. */
  default <B> Lens<S, B> andThen(Lens<A, B> inner) {
    Objects.requireNonNull(inner, "inner");
    Lens<S, A> outer = this;
    return of(s -> inner.get(outer.get(s)), (s, b) -> outer.set(s, inner.set(outer.get(s), b)));
  }

  /** The lens made of a getter and a (copying) setter. */
  static <S, A> Lens<S, A> of(Function<? super S, ? extends A> getter,
      BiFunction<? super S, ? super A, ? extends S> setter) {
    Objects.requireNonNull(getter, "getter");
    Objects.requireNonNull(setter, "setter");
    return new Lens<>() {
      @Override
      public A get(S whole) {
        return getter.apply(whole);
      }

      @Override
      public S set(S whole, A part) {
        return setter.apply(whole, part);
      }
    };
  }
}

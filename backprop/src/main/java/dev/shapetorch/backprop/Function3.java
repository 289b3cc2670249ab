package dev.shapetorch.backprop;

/**
 * A function of three arguments, for {@link Op#op3} and {@link Op#opIso3}.
 *
 * @param <A> the first argument's type
 * @param <B> the second argument's type
 * @param <C> the third argument's type
 * @param <R> the result's type
 */
@FunctionalInterface
public interface Function3<A, B, C, R> {
  /** Applies the function. */
  R apply(A a, B b, C c);
}

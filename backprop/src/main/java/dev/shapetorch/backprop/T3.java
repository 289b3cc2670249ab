package dev.shapetorch.backprop;

import java.util.List;
import java.util.Objects;

/**
 * A tuple of three values: the inputs (and gradient) of a three-input op.
 *
 * @param <A> the first element's type
 * @param <B> the second element's type
 * @param <C> the third element's type
 * @param first the first element (never null)
 * @param second the second element (never null)
 * @param third the third element (never null)
 */
public record T3<A, B, C>(A first, B second, C third) implements Tup {
  /** Checks that every element is present. */
  public T3 {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(third, "third");
  }

  /** The tuple {@code (first, second, third)}. */
  public static <A, B, C> T3<A, B, C> of(A first, B second, C third) {
    return new T3<>(first, second, third);
  }

  /** The first element (Haskell's {@code head'}). */
  public A head() {
    return first;
  }

  /** The tuple of the elements after the first: {@code (second, third)}. */
  public T2<B, C> tail() {
    return new T2<>(second, third);
  }

  /** A copy with the first element replaced. */
  public <X> T3<X, B, C> withFirst(X value) {
    return new T3<>(value, second, third);
  }

  /** A copy with the second element replaced. */
  public <X> T3<A, X, C> withSecond(X value) {
    return new T3<>(first, value, third);
  }

  /** A copy with the third element replaced. */
  public <X> T3<A, B, X> withThird(X value) {
    return new T3<>(first, second, value);
  }

  /** The lens onto the first element. */
  public static <A, B, C> Lens<T3<A, B, C>, A> lensFirst() {
    return Lens.of(T3::first, T3::withFirst);
  }

  /** The lens onto the second element. */
  public static <A, B, C> Lens<T3<A, B, C>, B> lensSecond() {
    return Lens.of(T3::second, T3::withSecond);
  }

  /** The lens onto the third element. */
  public static <A, B, C> Lens<T3<A, B, C>, C> lensThird() {
    return Lens.of(T3::third, T3::withThird);
  }

  @Override
  public int size() {
    return 3;
  }

  @Override
  public Object get(int index) {
    switch (index) {
      case 0:
        return first;
      case 1:
        return second;
      case 2:
        return third;
      default:
        throw new IndexOutOfBoundsException("T3 has 3 elements; asked for index " + index);
    }
  }

  @Override
  public List<Object> toList() {
    return List.of(first, second, third);
  }
}

package dev.shapetorch.backprop;

import java.util.List;
import java.util.Objects;

/**
 * A tuple of two values: the inputs (and gradient) of a two-input op such as multiplication.
 *
 * <pre>{@code
 * T2<Double, Double> xy = T2.of(3.0, 5.0);
 * }</pre>
 *
 * @param <A> the first element's type
 * @param <B> the second element's type
 * @param first the first element (never null)
 * @param second the second element (never null)
 */
public record T2<A, B>(A first, B second) implements Tup {
  /** Checks that both elements are present. */
  public T2 {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  /** The tuple {@code (first, second)}. */
  public static <A, B> T2<A, B> of(A first, B second) {
    return new T2<>(first, second);
  }

  /** The first element (Haskell's {@code head'}). */
  public A head() {
    return first;
  }

  /** The tuple of the elements after the first: {@code (second)}. */
  public T1<B> tail() {
    return new T1<>(second);
  }

  /**
   * The triple {@code (value, first, second)}: this tuple with {@code value} in front (Haskell's
   * {@code ::<}).
   */
  public <X> T3<X, A, B> prepend(X value) {
    return new T3<>(value, first, second);
  }

  /** A copy with the first element replaced. */
  public <X> T2<X, B> withFirst(X value) {
    return new T2<>(value, second);
  }

  /** A copy with the second element replaced. */
  public <X> T2<A, X> withSecond(X value) {
    return new T2<>(first, value);
  }

  /** The lens onto the first element. */
  public static <A, B> Lens<T2<A, B>, A> lensFirst() {
    return Lens.of(T2::first, T2::withFirst);
  }

  /** The lens onto the second element. */
  public static <A, B> Lens<T2<A, B>, B> lensSecond() {
    return Lens.of(T2::second, T2::withSecond);
  }

  @Override
  public int size() {
    return 2;
  }

  @Override
  public Object get(int index) {
    switch (index) {
      case 0:
        return first;
      case 1:
        return second;
      default:
        throw new IndexOutOfBoundsException("T2 has 2 elements; asked for index " + index);
    }
  }

  @Override
  public List<Object> toList() {
    return List.of(first, second);
  }
}

package dev.shapetorch.backprop;

import java.util.List;
import java.util.Objects;

/**
 * A tuple of one value: the inputs (and gradient) of a one-input op such as {@code sin}.
 *
 * @param <A> the element's type
 * @param first the element (never null)
 */
public record T1<A>(A first) implements Tup {
  /** Checks that the element is present. */
  public T1 {
    Objects.requireNonNull(first, "first");
  }

  /** The tuple {@code (first)}. */
  public static <A> T1<A> of(A first) {
    return new T1<>(first);
  }

  /**
   * The tuple {@code (value)}: the same as {@link #of}, named after Haskell's {@code only}, the
   * one-element record.
   */
  public static <A> T1<A> only(A value) {
    return new T1<>(value);
  }

  /** The element: the first, as Haskell's {@code head'}. */
  public A head() {
    return first;
  }

  /**
   * The pair {@code (value, first)}: this tuple with {@code value} in front (Haskell's {@code
   * ::<}).
   */
  public <X> T2<X, A> prepend(X value) {
    return new T2<>(value, first);
  }

  /** A copy with the element replaced. */
  public <X> T1<X> withFirst(X value) {
    return new T1<>(value);
  }

  /** The lens onto the element. */
  public static <A> Lens<T1<A>, A> lensFirst() {
    return Lens.of(T1::first, (t, v) -> new T1<>(v));
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public Object get(int index) {
    if (index != 0) {
      throw new IndexOutOfBoundsException("T1 has 1 element; asked for index " + index);
    }
    return first;
  }

  @Override
  public List<Object> toList() {
    return List.of(first);
  }
}

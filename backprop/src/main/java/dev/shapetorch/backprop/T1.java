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

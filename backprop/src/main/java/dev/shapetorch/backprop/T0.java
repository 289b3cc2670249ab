package dev.shapetorch.backprop;

import java.util.List;

/**
 * The empty tuple: the inputs of an op that takes none ({@link Op#op0}).
 */
public record T0() implements Tup {
  /** The one empty tuple. */
  public static final T0 INSTANCE = new T0();

  /** The empty tuple. */
  public static T0 of() {
    return INSTANCE;
  }

  /**
   * The one-element tuple {@code (value)}: this tuple with {@code value} in front (Haskell's
   * {@code value ::< RNil}).
   */
  public <A> T1<A> prepend(A value) {
    return new T1<>(value);
  }

  @Override
  public int size() {
    return 0;
  }

  @Override
  public Object get(int index) {
    throw new IndexOutOfBoundsException("T0 has no elements; asked for index " + index);
  }

  @Override
  public List<Object> toList() {
    return List.of();
  }
}

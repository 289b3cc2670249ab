package dev.shapetorch.backprop;

import java.util.List;

/**
 * A tuple of any number of values of one type: the inputs (and gradient) of an N-ary op such as
 * the sum of N doubles, or of an op over a whole list of tensors.
 *
 * <p>Java cannot spell a type-level list of arbitrary length and mixed types, so the N-ary form
 * is homogeneous: its length is a run-time property ({@link #size()}), its element type a static
 * one. Ops that mix types use {@link T1}, {@link T2} or {@link T3}, or nest tuples.
 *
 * @param <A> the type of every element
 * @param values the elements (copied into an unmodifiable list; no nulls)
 */
public record TN<A>(List<A> values) implements Tup {
  /** Copies the elements into an unmodifiable list. */
  public TN {
    values = List.copyOf(values);
  }

  /** The tuple of the given elements. */
  @SafeVarargs
  public static <A> TN<A> of(A... values) {
    return new TN<>(List.of(values));
  }

  /** The tuple of the given list's elements. */
  public static <A> TN<A> ofList(List<? extends A> values) {
    return new TN<>(List.copyOf(values));
  }

  /** The element at {@code index}, typed. */
  public A at(int index) {
    return values.get(index);
  }

  /**
   * The first element (Haskell's {@code head'}).
   *
   * @throws java.util.NoSuchElementException when the tuple is empty
   */
  public A head() {
    if (values.isEmpty()) {
      throw new java.util.NoSuchElementException("TN.head: the tuple is empty; check size() first");
    }
    return values.get(0);
  }

  /**
   * The tuple of the elements after the first.
   *
   * @throws java.util.NoSuchElementException when the tuple is empty
   */
  public TN<A> tail() {
    if (values.isEmpty()) {
      throw new java.util.NoSuchElementException("TN.tail: the tuple is empty; check size() first");
    }
    return new TN<>(values.subList(1, values.size()));
  }

  /** This tuple with {@code value} in front (Haskell's {@code ::<}). */
  public TN<A> prepend(A value) {
    java.util.List<A> out = new java.util.ArrayList<>(values.size() + 1);
    out.add(value);
    out.addAll(values);
    return new TN<>(out);
  }

  /** A copy with the element at {@code index} replaced. */
  public TN<A> with(int index, A value) {
    Object[] copy = values.toArray();
    copy[index] = value;
    @SuppressWarnings("unchecked") // every element of copy is an A: the old ones and value
    List<A> typed = (List<A>) List.of(copy);
    return new TN<>(typed);
  }

  /** The lens onto the element at {@code index}. */
  public static <A> Lens<TN<A>, A> lensAt(int index) {
    return Lens.of(t -> t.at(index), (t, v) -> t.with(index, v));
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public Object get(int index) {
    return values.get(index);
  }

  @Override
  public List<Object> toList() {
    return List.copyOf(values);
  }
}

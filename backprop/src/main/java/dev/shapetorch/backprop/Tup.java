package dev.shapetorch.backprop;

import java.util.List;

/**
 * A tuple of values whose Java type lists the types of its elements: the inputs of an {@link
 * Op}, and the gradient an op returns for them.
 *
 * <p>Haskell's backprop writes an op's inputs as a type-level list {@code as} and their values as
 * a vinyl record {@code Rec Identity as}. Java has no type-level lists, so the list is spelled by
 * a family of records: {@link T0} (no inputs), {@link T1 T1&lt;A&gt;}, {@link T2 T2&lt;A, B&gt;},
 * {@link T3 T3&lt;A, B, C&gt;}, and {@link TN TN&lt;A&gt;} for any number of inputs of one type.
 * An {@code Op<T2<Double, Tensor>, Double>} takes a double and a tensor and returns a double;
 * its gradient is again a {@code T2<Double, Tensor>}.
 *
 * <p>The positional accessors ({@link #size()}, {@link #get(int)}) let code that is generic in
 * the arity (the tape, the tuple {@link Backprop} instances) walk any tuple.
 */
public sealed interface Tup permits T0, T1, T2, T3, TN {
  /** The number of elements. */
  int size();

  /**
   * One element, counting from 0.
   *
   * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
   */
  Object get(int index);

  /** The elements in order, as an unmodifiable list. */
  List<Object> toList();
}

package dev.shapetorch.backprop;

import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The gradient algebra of a type: what reverse-mode differentiation needs to know about the
 * values it propagates gradients for.
 *
 * <ul>
 *   <li>{@link #zero}: the gradient of a value that does not affect the result (every component
 *       0, with the structure of the given value: a zero matrix of the same shape, a list of the
 *       same length);
 *   <li>{@link #add}: combines the gradient contributions of a value used more than once;
 *   <li>{@link #one}: the seed of the backward pass, the gradient of a result with respect to
 *       itself (every component 1).
 * </ul>
 *
 * <p>Laws. Every instance in ShapeTorch obeys them, and the property tests check them; an
 * instance that breaks them gives wrong gradients:
 *
 * <ul>
 *   <li>identity: {@code add(x, zero(y)) == x} and {@code add(zero(x), y) == y} whenever {@code
 *       x} and {@code y} have the same structure; so {@code add} preserves information (adding
 *       lists of different lengths pads the shorter with zeros instead of truncating; results may
 *       differ only by such extra zeros);
 *   <li>commutativity: {@code add(x, y) == add(y, x)};
 *   <li>associativity: {@code add(x, add(y, z)) == add(add(x, y), z)} (up to floating-point
 *       rounding);
 *   <li>idempotence: {@code zero(zero(x)) == zero(x)} and {@code one(one(x)) == one(x)};
 *   <li>unital: {@code one(x) == BVars.gradBP(v -> v, x, this)}: the gradient of the identity
 *       is one.
 * </ul>
 *
 * <p>No method may modify its arguments; all return new values. Instances: {@link #DOUBLE},
 * {@link #FLOAT}, {@link #DOUBLE_ARRAY}, {@link #FLOAT_ARRAY}, tuples ({@link #t0()}, {@link
 * #t1}, {@link #t2}, {@link #t3}, {@link #tn}), lists ({@link #list}), tensors ({@code
 * dev.shapetorch.backprop.ops.TensorBackprop}), records annotated {@link BackpropRecord}
 * (generated), and any others built with {@link #of}.
 *
 * @param <T> the type of the values and of their gradients
 */
public interface Backprop<T> {
  /** Doubles: {@code 0.0}, {@code +}, {@code 1.0}. */
  Backprop<Double> DOUBLE = ScalarBackprop.DOUBLE;

  /** Floats: {@code 0f}, {@code +}, {@code 1f}. */
  Backprop<Float> FLOAT = ScalarBackprop.FLOAT;

  /**
   * Arrays of doubles, elementwise; {@code add} of arrays of different lengths pads the shorter
   * one with zeros.
   */
  Backprop<double[]> DOUBLE_ARRAY = ArrayBackprop.DOUBLES;

  /**
   * Arrays of floats, elementwise; {@code add} of arrays of different lengths pads the shorter
   * one with zeros.
   */
  Backprop<float[]> FLOAT_ARRAY = ArrayBackprop.FLOATS;

  /**
   * A value with every component set to zero, with the structure of {@code x}.
   *
   * @param x a value (not modified)
   * @return the additive identity for values shaped like {@code x}
   */
  T zero(T x);

  /**
   * The sum of two gradients.
   *
   * @param x a gradient (not modified)
   * @param y another gradient (not modified)
   * @return their sum, a new value
   */
  T add(T x, T y);

  /**
   * A value with every component set to one, with the structure of {@code x}: the seed of a
   * backward pass that ends at {@code x}.
   *
   * @param x a value (not modified)
   * @return the "ones" shaped like {@code x}
   */
  T one(T x);

  /**
   * The algebra made of three functions, which must obey the laws above.
   *
   * @param zero {@link #zero}
   * @param add {@link #add}
   * @param one {@link #one}
   */
  static <T> Backprop<T> of(UnaryOperator<T> zero, BinaryOperator<T> add, UnaryOperator<T> one) {
    Objects.requireNonNull(zero, "zero");
    Objects.requireNonNull(add, "add");
    Objects.requireNonNull(one, "one");
    return new Backprop<>() {
      @Override
      public T zero(T x) {
        return zero.apply(x);
      }

      @Override
      public T add(T x, T y) {
        return add.apply(x, y);
      }

      @Override
      public T one(T x) {
        return one.apply(x);
      }
    };
  }

  /** The empty tuple's algebra (all three functions return {@link T0#INSTANCE}). */
  static Backprop<T0> t0() {
    return TupleBackprop.T0_INSTANCE;
  }

  /** Algebra of one-element tuples, from the element's. */
  static <A> Backprop<T1<A>> t1(Backprop<A> first) {
    return new TupleBackprop.OfT1<>(first);
  }

  /** Algebra of pairs, componentwise. */
  static <A, B> Backprop<T2<A, B>> t2(Backprop<A> first, Backprop<B> second) {
    return new TupleBackprop.OfT2<>(first, second);
  }

  /** Algebra of triples, componentwise. */
  static <A, B, C> Backprop<T3<A, B, C>> t3(
      Backprop<A> first, Backprop<B> second, Backprop<C> third) {
    return new TupleBackprop.OfT3<>(first, second, third);
  }

  /**
   * Algebra of N-ary tuples, elementwise; {@code add} of tuples of different sizes keeps the
   * longer one's extra elements (the identity law).
   */
  static <A> Backprop<TN<A>> tn(Backprop<A> element) {
    return new TupleBackprop.OfTN<>(element);
  }

  /**
   * Algebra of lists, elementwise; {@code add} of lists of different lengths keeps the longer
   * one's extra elements (the identity law), so it is not {@code zipWith}. Results are
   * unmodifiable lists.
   */
  static <A> Backprop<List<A>> list(Backprop<A> element) {
    return new ListBackprop<>(element);
  }
}

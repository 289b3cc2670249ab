package dev.shapetorch.backprop.testkit;

import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.backprop.TN;
import dev.shapetorch.tensor.Tensor;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The real coordinates of a value: how the test kit reads a value as a vector of doubles and
 * builds a value of the same structure from one, so that it can perturb each coordinate for
 * finite differences ({@link GradientCheck}) and compare values and gradients ({@link
 * BackpropLaws}).
 *
 * <p>Laws: {@code toArray(fromArray(like, c))} equals {@code c} (up to the type's rounding)
 * whenever {@code c.length == toArray(like).length}, and {@code fromArray(x, toArray(x))}
 * equals {@code x}. A gradient is read with the coordinates of the value it is the gradient
 * of: component {@code i} of the gradient is the derivative with respect to coordinate {@code
 * i}.
 *
 * <p>Instances: {@link #DOUBLE}, {@link #FLOAT}, {@link #DOUBLE_ARRAY}, {@link #FLOAT_ARRAY},
 * {@link #tensor()}, the tuples ({@link #t1}, {@link #t2}, {@link #t3}, {@link #tn}), lists
 * ({@link #list}), and {@link #of} for a library's own type.
 *
 * @param <T> the type of the values
 */
public interface Coordinates<T> {
  /** A double is its own coordinate. */
  Coordinates<Double> DOUBLE = CoordinateInstances.DOUBLE;

  /** A float is one coordinate (widened to double, rounded back). */
  Coordinates<Float> FLOAT = CoordinateInstances.FLOAT;

  /** An array of doubles: its elements. */
  Coordinates<double[]> DOUBLE_ARRAY = CoordinateInstances.DOUBLE_ARRAY;

  /** An array of floats: its elements. */
  Coordinates<float[]> FLOAT_ARRAY = CoordinateInstances.FLOAT_ARRAY;

  /**
   * The coordinates of {@code value}, in a fixed order.
   *
   * @param value a value (not modified)
   */
  double[] toArray(T value);

  /**
   * The value with the structure of {@code like} (its length, shape, dtype) and the given
   * coordinates.
   *
   * @param like the structure to follow (not modified)
   * @param coordinates as many as {@code toArray(like)} has
   * @throws IllegalArgumentException when the count differs
   */
  T fromArray(T like, double[] coordinates);

  /**
   * A name for coordinate {@code index} of values shaped like {@code like}, for failure
   * messages: {@code "[3]"} by default, empty for a number (its only coordinate); the tuples'
   * and lists' say which element, then which of its coordinates: {@code "second[3]"} for
   * coordinate 3 of a pair's second element, {@code "[2]"} for element 2 of a list of doubles.
   *
   * @param like a value
   * @param index a coordinate of it
   */
  default String describe(T like, int index) {
    return "[" + index + "]";
  }

  /**
   * The elements of a tensor in row-major order, read with {@code toDoubleArray}; {@code
   * fromArray} builds a tensor of {@code like}'s shape, dtype and device. Check gradients on
   * float64 tensors: float32 rounding swamps finite differences.
   */
  static Coordinates<Tensor> tensor() {
    return CoordinateInstances.TENSOR;
  }

  /**
   * The coordinates made of two functions, which must obey the laws above.
   *
   * @param toArray {@link #toArray}
   * @param fromArray {@link #fromArray}
   */
  static <T> Coordinates<T> of(Function<? super T, double[]> toArray,
      BiFunction<? super T, double[], ? extends T> fromArray) {
    Objects.requireNonNull(toArray, "toArray");
    Objects.requireNonNull(fromArray, "fromArray");
    return new Coordinates<>() {
      @Override
      public double[] toArray(T value) {
        return toArray.apply(value);
      }

      @Override
      public T fromArray(T like, double[] coordinates) {
        return fromArray.apply(like, coordinates);
      }
    };
  }

  /** A one-element tuple: its element's coordinates. */
  static <A> Coordinates<T1<A>> t1(Coordinates<A> first) {
    Objects.requireNonNull(first, "first");
    return new CoordinateInstances.Concatenated<>(List.of("first"), t -> List.of(t.first()),
        (t, parts) -> T1.of(CoordinateInstances.part(first, t.first(), parts.get(0))),
        i -> first);
  }

  /** A pair: the first element's coordinates, then the second's. */
  static <A, B> Coordinates<T2<A, B>> t2(Coordinates<A> first, Coordinates<B> second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    return new CoordinateInstances.Concatenated<>(List.of("first", "second"),
        t -> List.of(t.first(), t.second()),
        (t, parts) -> T2.of(CoordinateInstances.part(first, t.first(), parts.get(0)),
            CoordinateInstances.part(second, t.second(), parts.get(1))),
        i -> i == 0 ? first : second);
  }

  /** A triple: the elements' coordinates in order. */
  static <A, B, C> Coordinates<T3<A, B, C>> t3(Coordinates<A> first, Coordinates<B> second,
      Coordinates<C> third) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(third, "third");
    return new CoordinateInstances.Concatenated<>(List.of("first", "second", "third"),
        t -> List.of(t.first(), t.second(), t.third()),
        (t, parts) -> T3.of(CoordinateInstances.part(first, t.first(), parts.get(0)),
            CoordinateInstances.part(second, t.second(), parts.get(1)),
            CoordinateInstances.part(third, t.third(), parts.get(2))),
        i -> i == 0 ? first : i == 1 ? second : third);
  }

  /** An N-ary tuple: its elements' coordinates in order. */
  static <A> Coordinates<TN<A>> tn(Coordinates<A> element) {
    Coordinates<List<A>> list = list(element);
    return new Coordinates<>() {
      @Override
      public double[] toArray(TN<A> value) {
        return list.toArray(value.values());
      }

      @Override
      public TN<A> fromArray(TN<A> like, double[] coordinates) {
        return new TN<>(list.fromArray(like.values(), coordinates));
      }

      @Override
      public String describe(TN<A> like, int index) {
        return list.describe(like.values(), index);
      }
    };
  }

  /** A list: its elements' coordinates in order. */
  static <A> Coordinates<List<A>> list(Coordinates<A> element) {
    return CoordinateInstances.list(element);
  }
}

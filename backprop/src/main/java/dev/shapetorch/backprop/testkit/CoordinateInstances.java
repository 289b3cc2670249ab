package dev.shapetorch.backprop.testkit;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/** The {@link Coordinates} instances. */
final class CoordinateInstances {
  static final Coordinates<Double> DOUBLE = new Scalar<>("Coordinates.DOUBLE", x -> x, c -> c);

  static final Coordinates<Float> FLOAT =
      new Scalar<>("Coordinates.FLOAT", x -> (double) x, c -> (float) c);

  static final Coordinates<double[]> DOUBLE_ARRAY = Coordinates.of(double[]::clone, (like, c) -> {
    checkCount("Coordinates.DOUBLE_ARRAY", like.length, c);
    return c.clone();
  });

  static final Coordinates<float[]> FLOAT_ARRAY = Coordinates.of(x -> {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }, (like, c) -> {
    checkCount("Coordinates.FLOAT_ARRAY", like.length, c);
    float[] out = new float[c.length];
    for (int i = 0; i < c.length; i++) {
      out[i] = (float) c[i];
    }
    return out;
  });

  static final Coordinates<Tensor> TENSOR = Coordinates.of(Tensor::toDoubleArray, (like, c) -> {
    checkCount("Coordinates.tensor()", like.numel(), c);
    Tensor t = Torch.fromArray(c.clone(), like.shape()).to(like.dtype());
    return t.device().equals(like.device()) ? t : t.to(like.device());
  });

  private CoordinateInstances() {}

  static void checkCount(String name, long expected, double[] coordinates) {
    if (coordinates.length != expected) {
      throw new IllegalArgumentException(name + ".fromArray: got " + coordinates.length
          + " coordinates for a value that has " + expected + "; pass as many as toArray(like)"
          + " returns");
    }
  }

  /** The element of a structure rebuilt from its slice of the coordinates. */
  static <A> A part(Coordinates<A> coordinates, A like, double[] slice) {
    return coordinates.fromArray(like, slice);
  }

  static <A> Coordinates<List<A>> list(Coordinates<A> element) {
    Objects.requireNonNull(element, "element");
    return new Concatenated<List<A>>(List.of(), xs -> xs, (like, parts) -> {
      List<A> out = new ArrayList<>(like.size());
      for (int i = 0; i < like.size(); i++) {
        out.add(element.fromArray(like.get(i), parts.get(i)));
      }
      return List.copyOf(out);
    }, i -> element);
  }

  /**
   * A number: one coordinate, which needs no name.
   *
   * @param <T> the number type
   */
  private static final class Scalar<T> implements Coordinates<T> {
    private final String name;
    private final ToDoubleFunction<T> read;
    private final DoubleFunction<T> build;

    Scalar(String name, ToDoubleFunction<T> read,
        DoubleFunction<T> build) {
      this.name = name;
      this.read = read;
      this.build = build;
    }

    @Override
    public double[] toArray(T value) {
      return new double[] {read.applyAsDouble(value)};
    }

    @Override
    public T fromArray(T like, double[] coordinates) {
      checkCount(name, 1, coordinates);
      return build.apply(coordinates[0]);
    }

    @Override
    public String describe(T like, int index) {
      return "";
    }
  }

  /**
   * A structure whose coordinates are its elements', one after the other.
   *
   * @param <T> the structure
   */
  static final class Concatenated<T> implements Coordinates<T> {
    private final List<String> names;
    private final Function<T, List<?>> elements;
    private final BiFunction<T, List<double[]>, T> build;
    private final IntFunction<Coordinates<?>> coordinates;

    Concatenated(List<String> names, Function<T, List<?>> elements,
        BiFunction<T, List<double[]>, T> build, IntFunction<Coordinates<?>> coordinates) {
      this.names = names;
      this.elements = elements;
      this.build = build;
      this.coordinates = coordinates;
    }

    @SuppressWarnings("unchecked") // each element is read by the coordinates of its position
    private double[] elementArray(int index, Object element) {
      return ((Coordinates<Object>) coordinates.apply(index)).toArray(element);
    }

    @SuppressWarnings("unchecked") // each element is read by the coordinates of its position
    private String describeElement(int index, Object element, int coordinate) {
      return ((Coordinates<Object>) coordinates.apply(index)).describe(element, coordinate);
    }

    @Override
    public double[] toArray(T value) {
      List<?> parts = elements.apply(value);
      List<double[]> arrays = new ArrayList<>(parts.size());
      int n = 0;
      for (int i = 0; i < parts.size(); i++) {
        double[] a = elementArray(i, parts.get(i));
        arrays.add(a);
        n += a.length;
      }
      double[] out = new double[n];
      int at = 0;
      for (double[] a : arrays) {
        System.arraycopy(a, 0, out, at, a.length);
        at += a.length;
      }
      return out;
    }

    @Override
    public T fromArray(T like, double[] c) {
      List<?> parts = elements.apply(like);
      int[] lengths = new int[parts.size()];
      int total = 0;
      for (int i = 0; i < parts.size(); i++) {
        lengths[i] = elementArray(i, parts.get(i)).length;
        total += lengths[i];
      }
      checkCount("Coordinates of a " + like.getClass().getSimpleName(), total, c);
      List<double[]> slices = new ArrayList<>(parts.size());
      int at = 0;
      for (int n : lengths) {
        slices.add(Arrays.copyOfRange(c, at, at + n));
        at += n;
      }
      return build.apply(like, slices);
    }

    @Override
    public String describe(T like, int index) {
      List<?> parts = elements.apply(like);
      int at = 0;
      for (int i = 0; i < parts.size(); i++) {
        int n = elementArray(i, parts.get(i)).length;
        if (index < at + n) {
          String name = i < names.size() ? names.get(i) : "[" + i + "]";
          return name + describeElement(i, parts.get(i), index - at);
        }
        at += n;
      }
      return "[" + index + "]";
    }
  }
}

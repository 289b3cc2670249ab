package dev.shapetorch.backprop.testkit;

import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Lens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Checks the laws of a {@link Backprop} instance and of a {@link Lens} on given values: the test
 * kit for a library type's gradient algebra, hand-written or generated with {@code
 * @BackpropRecord}. Values are compared through their {@link Coordinates}; a broken law throws
 * {@link AssertionError} listing every law that failed.
 *
 * <pre>{@code
 * BackpropLaws.check("Point", PointBackprop.INSTANCE, new Point(1, 2), new Point(3, -4),
 *     new Point(0.5, 7), POINT_COORDINATES);
 * }</pre>
 *
 * <p>Give values of one structure (tensors of one shape, lists of one length) and, for exact
 * comparisons, small integers or halves: then floating-point addition is exact and even
 * associativity holds exactly.
 */
public final class BackpropLaws {
  private BackpropLaws() {}

  /**
   * Checks every law of {@link Backprop} on {@code x}, {@code y} and {@code z}, exactly: {@code
   * zero} has every coordinate 0 and {@code one} every coordinate 1; {@code add} has {@code
   * zero} as identity on both sides, commutes and associates; {@code zero} and {@code one} are
   * idempotent; {@code one(x)} is the gradient of the identity; and no method modifies its
   * arguments.
   *
   * @param name the instance's name, for the failure message
   * @param algebra the instance
   * @param x a value
   * @param y a value of {@code x}'s structure
   * @param z a value of {@code x}'s structure
   * @param coordinates the values' coordinates
   * @throws AssertionError naming each law that fails
   */
  public static <T> void check(String name, Backprop<T> algebra, T x, T y, T z,
      Coordinates<T> coordinates) {
    check(name, algebra, x, y, z, coordinates, 0);
  }

  /**
   * {@link #check(String, Backprop, Object, Object, Object, Coordinates)} with a tolerance:
   * coordinates {@code a} and {@code b} agree when {@code |a - b| <= tolerance * max(1, |b|)}.
   *
   * @param tolerance a non-negative tolerance
   */
  public static <T> void check(String name, Backprop<T> algebra, T x, T y, T z,
      Coordinates<T> coordinates, double tolerance) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(algebra, "algebra");
    Objects.requireNonNull(coordinates, "coordinates");
    double[] x0 = coordinates.toArray(x);
    double[] y0 = coordinates.toArray(y);
    double[] z0 = coordinates.toArray(z);
    Laws<T> laws = new Laws<>(coordinates, tolerance);
    double[] zeros = new double[x0.length];
    double[] ones = new double[x0.length];
    Arrays.fill(ones, 1);
    laws.expect("zero(x) has every coordinate 0", algebra.zero(x), zeros);
    laws.expect("one(x) has every coordinate 1", algebra.one(x), ones);
    laws.expect("add(x, zero(y)) == x", algebra.add(x, algebra.zero(y)), x0);
    laws.expect("add(zero(x), y) == y", algebra.add(algebra.zero(x), y), y0);
    laws.expect("add(x, y) == add(y, x)", algebra.add(x, y), coordinates.toArray(
        algebra.add(y, x)));
    laws.expect("add(x, add(y, z)) == add(add(x, y), z)", algebra.add(x, algebra.add(y, z)),
        coordinates.toArray(algebra.add(algebra.add(x, y), z)));
    laws.expect("zero(zero(x)) == zero(x)", algebra.zero(algebra.zero(x)),
        coordinates.toArray(algebra.zero(x)));
    laws.expect("one(one(x)) == one(x)", algebra.one(algebra.one(x)),
        coordinates.toArray(algebra.one(x)));
    laws.expect("one(x) == BVars.gradBP(v -> v, x)", BVars.gradBP(v -> v, x, algebra),
        coordinates.toArray(algebra.one(x)));
    laws.expect("x is not modified", x, x0);
    laws.expect("y is not modified", y, y0);
    laws.expect("z is not modified", z, z0);
    laws.throwIfBroken("BackpropLaws.check", name);
  }

  /**
   * Checks the lens laws on {@code whole} and the parts {@code a} and {@code b}, exactly: get
   * what you set ({@code get(set(s, a)) == a}), set what you got ({@code set(s, get(s)) == s}),
   * and set twice, the last wins ({@code set(set(s, a), b) == set(s, b)}); and {@code set} does
   * not modify {@code whole}.
   *
   * @param name the lens's name, for the failure message
   * @param lens the lens
   * @param whole a whole
   * @param a a part
   * @param b another part of {@code a}'s structure
   * @param wholes the wholes' coordinates
   * @param parts the parts' coordinates
   * @throws AssertionError naming each law that fails
   */
  public static <S, A> void checkLens(String name, Lens<S, A> lens, S whole, A a, A b,
      Coordinates<S> wholes, Coordinates<A> parts) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lens, "lens");
    double[] s0 = wholes.toArray(whole);
    Laws<A> partLaws = new Laws<>(parts, 0);
    Laws<S> wholeLaws = new Laws<>(wholes, 0);
    partLaws.expect("get(set(s, a)) == a", lens.get(lens.set(whole, a)), parts.toArray(a));
    wholeLaws.expect("set(s, get(s)) == s", lens.set(whole, lens.get(whole)), s0);
    wholeLaws.expect("set(set(s, a), b) == set(s, b)", lens.set(lens.set(whole, a), b),
        wholes.toArray(lens.set(whole, b)));
    wholeLaws.expect("s is not modified", whole, s0);
    partLaws.broken.addAll(wholeLaws.broken);
    partLaws.throwIfBroken("BackpropLaws.checkLens", name);
  }

  /** The laws checked so far and those broken. */
  private static final class Laws<T> {
    final Coordinates<T> coordinates;
    final double tolerance;
    final List<String> broken = new ArrayList<>();

    Laws(Coordinates<T> coordinates, double tolerance) {
      this.coordinates = coordinates;
      this.tolerance = tolerance;
    }

    void expect(String law, T actual, double[] expected) {
      double[] a = coordinates.toArray(actual);
      if (a.length != expected.length) {
        broken.add(law + " (the sides have " + a.length + " and " + expected.length
            + " coordinates)");
        return;
      }
      for (int i = 0; i < a.length; i++) {
        if (!(Math.abs(a[i] - expected[i]) <= tolerance * Math.max(1, Math.abs(expected[i])))
            && !(a[i] == expected[i])) {
          String where = coordinates.describe(actual, i);
          broken.add(law + " (coordinate " + (where.isEmpty() ? "[" + i + "]" : where) + ": "
              + a[i] + " vs " + expected[i] + ")");
          return;
        }
      }
    }

    void throwIfBroken(String method, String name) {
      if (!broken.isEmpty()) {
        throw new AssertionError(method + ": " + name + " breaks " + broken.size()
            + (broken.size() == 1 ? " law: " : " laws: ") + String.join("; ", broken)
            + ". Gradients through it are wrong until it obeys them (see Backprop's and Lens's"
            + " documentation)");
      }
    }
  }
}

package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import java.util.Arrays;

/** Checks of the {@code (min, max)} ranges the random transforms draw from. */
final class Ranges {

  private Ranges() {}

  /** A {@code [min, max]} pair with {@code lo <= min <= max <= hi}; returns a copy. */
  static double[] range(String op, String name, double[] r, double lo, double hi) {
    Arguments.requireNonNull(r, name);
    if (r.length != 2 || !(r[0] <= r[1]) || !(r[0] >= lo) || !(r[1] <= hi)) {
      throw new IllegalArgumentException(
          op + ": " + name + " must be [min, max] with " + lo + " <= min <= max <= " + hi
              + ", got " + Arrays.toString(r));
    }
    return r.clone();
  }

  /** {@code [-v, v]} for a single non-negative {@code v}. */
  static double[] symmetric(String op, String name, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(
          op + ": a single " + name + " must be >= 0 (the range is [-" + name + ", " + name
              + "]), got " + v);
    }
    return new double[] {-v, v};
  }

  /** Copies a nullable array. */
  static double[] copy(double[] a) {
    return a == null ? null : a.clone();
  }
}

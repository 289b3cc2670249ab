package dev.shapetorch.nn.fold;

import dev.shapetorch.internal.Arguments;

/** The window parameters of {@link Unfold} and {@link Fold}: checks and PyTorch's printing. */
final class Windows {

  private Windows() {}

  /**
   * A copy of one value or a pair, each at least {@code min} and at most 2^31 - 1.
   *
   * @throws IllegalArgumentException naming the layer and the parameter otherwise
   */
  static long[] check(String layer, String name, long[] values, long min) {
    Arguments.requireNonNull(values, name);
    if (values.length != 1 && values.length != 2) {
      throw Arguments.invalid(layer, name + " must be one value or two (height, width), got "
          + java.util.Arrays.toString(values));
    }
    for (long v : values) {
      if (v < min || v > Integer.MAX_VALUE) {
        throw Arguments.invalid(layer, name + " must be " + (min == 0 ? "non-negative" :
            "positive") + " and at most " + Integer.MAX_VALUE + ", got "
            + java.util.Arrays.toString(values));
      }
    }
    return values.clone();
  }

  /** As PyTorch prints an int or a tuple: {@code 2} or {@code (2, 3)}. */
  static String py(long[] values) {
    return values.length == 1 ? Long.toString(values[0])
        : "(" + values[0] + ", " + values[1] + ")";
  }
}

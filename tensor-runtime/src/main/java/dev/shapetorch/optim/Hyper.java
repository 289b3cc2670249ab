package dev.shapetorch.optim;

/** Validation of hyperparameters with PyTorch's messages. Package-private. */
final class Hyper {

  private Hyper() {}

  /** Throws {@code Invalid <what> value: <v>} unless {@code v >= 0}. */
  static double nonNegative(String optimizer, String what, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(
          optimizer + ": invalid " + what + " value: " + v + " (must be >= 0)");
    }
    return v;
  }

  /** Throws unless {@code 0 <= v < 1}. */
  static double beta(String optimizer, String what, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new IllegalArgumentException(
          optimizer + ": invalid " + what + " parameter: " + v + " (must be in [0, 1))");
    }
    return v;
  }

  /** Throws unless {@code 0 <= v <= 1}. */
  static double unit(String optimizer, String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(
          optimizer + ": invalid " + what + " value: " + v + " (must be in [0, 1])");
    }
    return v;
  }

  /** Throws unless {@code v >= 1} (a count). */
  static int positive(String optimizer, String what, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(
          optimizer + ": invalid " + what + " value: " + v + " (must be >= 1)");
    }
    return v;
  }
}

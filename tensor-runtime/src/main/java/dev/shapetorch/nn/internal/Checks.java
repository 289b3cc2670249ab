package dev.shapetorch.nn.internal;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.tensor.Tensor;

/** Argument checks and printing helpers shared by the layers. */
public final class Checks {
  private Checks() {}

  /** Throws unless {@code value > 0}. */
  public static void positive(String layer, String name, long value) {
    if (value <= 0) {
      throw Arguments.invalid(layer, name + " must be positive, got " + value);
    }
  }

  /** Throws unless {@code value >= 0}. */
  public static void nonNegative(String layer, String name, long value) {
    if (value < 0) {
      throw Arguments.invalid(layer, name + " must not be negative, got " + value);
    }
  }

  /** Throws unless {@code 0 <= p <= 1}. */
  public static void probability(String layer, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw Arguments.invalid(layer, "the dropout probability must be in [0, 1], got " + p);
    }
  }

  /** Throws unless {@code groups} is positive and divides both channel counts. */
  public static void groups(String layer, long in, long out, long groups) {
    if (groups <= 0 || in % groups != 0 || out % groups != 0) {
      throw Arguments.invalid(layer, "groups (" + groups
          + ") must be positive and divide both in (" + in + ") and out (" + out + ") channels");
    }
  }

  /**
   * PyTorch's default weight initialisation of Linear and convolutions: Kaiming-uniform with
   * {@code a = sqrt(5)}, i.e. uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}.
   */
  public static Tensor kaimingUniformDefault(Tensor weight) {
    return Init.kaimingUniform_(weight, Math.sqrt(5.0));
  }

  /** PyTorch's default bias: uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} of the weight. */
  public static Tensor biasUniform(Tensor bias, Tensor weight) {
    long fanIn = Init.calculateFanInAndFanOut(weight).fanIn();
    double bound = fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0.0;
    return Init.uniform_(bias, -bound, bound);
  }

  /**
   * Checks a pooling window along one dim: PyTorch's limit on padding (at most half the
   * dilated kernel) and, in ceil mode, that no last window can start in the right padding
   * (PyTorch drops such a window, which the static output size cannot express).
   */
  public static void poolWindow(
      String layer, long kernel, long stride, long padding, long dilation, boolean ceilMode) {
    positive(layer, "kernel", kernel);
    positive(layer, "stride", stride);
    nonNegative(layer, "padding", padding);
    positive(layer, "dilation", dilation);
    long extent = dilation * (kernel - 1) + 1;
    if (2 * padding > extent) {
      throw Arguments.invalid(layer, "padding (" + padding
          + ") must be at most half the kernel's extent (" + extent + ")");
    }
    if (ceilMode && stride > extent - padding) {
      throw Arguments.invalid(layer, "in ceil mode the stride (" + stride
          + ") must not exceed the kernel's extent minus the padding (" + (extent - padding)
          + "), or a last window could start in the padding and be dropped, which the"
          + " static output size does not model; use ceil mode off, or F");
    }
  }

  /** Throws unless {@code approximate} is one of GELU's modes. */
  public static void gelu(String approximate) {
    if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
      throw Arguments.invalid("GELU",
          "approximate must be \"none\" or \"tanh\", got \"" + approximate + "\"");
    }
  }

  /** The tensor of an optional parameter, or null. */
  public static Tensor value(Parameter p) {
    return p == null ? null : p.get();
  }

  /** {@code True} or {@code False}, as Python prints booleans. */
  public static String pyBool(boolean b) {
    return b ? "True" : "False";
  }

  /**
   * A double as Python's {@code repr} prints a float: the shortest digits that read back the
   * same, in scientific notation below 1e-4 and from 1e16 ({@code 1e-05}, {@code 0.001}, {@code
   * 1.0}).
   */
  public static String pyFloat(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = d.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
          + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
    String plain = d.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** An integral double as an int ({@code 20}), any other as {@link #pyFloat}. */
  public static String pyNumber(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : pyFloat(v);
  }

  /** {@code v} when both sizes are equal (PyTorch's layers built with an int), else a pair. */
  public static String sizeOrPair(long a, long b) {
    return a == b ? Long.toString(a) : pair(a, b);
  }

  /** {@code (a, b)}, as Python prints a pair. */
  public static String pair(long a, long b) {
    return "(" + a + ", " + b + ")";
  }

  /** A tuple as Python prints it: {@code (3,)}, {@code (5, 5)}. */
  public static String tuple(long... values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return sb.append(values.length == 1 ? ",)" : ")").toString();
  }
}

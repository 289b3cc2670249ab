package dev.shapetorch.backprop.ops;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The {@link Floating} instances for {@code Double} and {@code Float}. */
final class FloatingInstances {
  static final Floating<Double> DOUBLE = new DoubleFloating();
  static final Floating<Float> FLOAT = new FloatFloating();

  private FloatingInstances() {}

  static double asinh(double x) {
    return Math.signum(x) * Math.log(Math.abs(x) + Math.sqrt(x * x + 1));
  }

  static double acosh(double x) {
    return Math.log(x + Math.sqrt(x * x - 1));
  }

  static double atanh(double x) {
    return 0.5 * Math.log1p(2 * x / (1 - x));
  }

  /** Doubles. */
  private static final class DoubleFloating implements Floating<Double> {
    @Override
    public Double fromDouble(double value) {
      return value;
    }

    @Override
    public double toDouble(Double x) {
      return x;
    }

    @Override
    public Double add(Double x, Double y) {
      return x + y;
    }

    @Override
    public Double sub(Double x, Double y) {
      return x - y;
    }

    @Override
    public Double mul(Double x, Double y) {
      return x * y;
    }

    @Override
    public Double div(Double x, Double y) {
      return x / y;
    }

    @Override
    public Double negate(Double x) {
      return -x;
    }

    @Override
    public Double abs(Double x) {
      return Math.abs(x);
    }

    @Override
    public Double signum(Double x) {
      return Math.signum(x);
    }

    @Override
    public Double recip(Double x) {
      return 1 / x;
    }

    @Override
    public Double exp(Double x) {
      return Math.exp(x);
    }

    @Override
    public Double log(Double x) {
      return Math.log(x);
    }

    @Override
    public Double sqrt(Double x) {
      return Math.sqrt(x);
    }

    @Override
    public Double pow(Double x, Double y) {
      return Math.pow(x, y);
    }

    @Override
    public Double logBase(Double base, Double x) {
      return Math.log(x) / Math.log(base);
    }

    @Override
    public Double sin(Double x) {
      return Math.sin(x);
    }

    @Override
    public Double cos(Double x) {
      return Math.cos(x);
    }

    @Override
    public Double tan(Double x) {
      return Math.tan(x);
    }

    @Override
    public Double asin(Double x) {
      return Math.asin(x);
    }

    @Override
    public Double acos(Double x) {
      return Math.acos(x);
    }

    @Override
    public Double atan(Double x) {
      return Math.atan(x);
    }

    @Override
    public Double sinh(Double x) {
      return Math.sinh(x);
    }

    @Override
    public Double cosh(Double x) {
      return Math.cosh(x);
    }

    @Override
    public Double tanh(Double x) {
      return Math.tanh(x);
    }

    @Override
    public Double asinh(Double x) {
      return FloatingInstances.asinh(x);
    }

    @Override
    public Double acosh(Double x) {
      return FloatingInstances.acosh(x);
    }

    @Override
    public Double atanh(Double x) {
      return FloatingInstances.atanh(x);
    }

    @Override
    public String toString() {
      return "Floating.DOUBLE";
    }
  }

  /** Floats, computed in double and rounded. */
  private static final class FloatFloating implements Floating<Float> {
    private static Float f(Float x, DoubleUnaryOperator op) {
      return (float) op.applyAsDouble(x);
    }

    private static Float f(Float x, Float y, DoubleBinaryOperator op) {
      return (float) op.applyAsDouble(x, y);
    }

    @Override
    public Float fromDouble(double value) {
      return (float) value;
    }

    @Override
    public double toDouble(Float x) {
      return x;
    }

    @Override
    public Float add(Float x, Float y) {
      return x + y;
    }

    @Override
    public Float sub(Float x, Float y) {
      return x - y;
    }

    @Override
    public Float mul(Float x, Float y) {
      return x * y;
    }

    @Override
    public Float div(Float x, Float y) {
      return x / y;
    }

    @Override
    public Float negate(Float x) {
      return -x;
    }

    @Override
    public Float abs(Float x) {
      return Math.abs(x);
    }

    @Override
    public Float signum(Float x) {
      return Math.signum(x);
    }

    @Override
    public Float recip(Float x) {
      return 1 / x;
    }

    @Override
    public Float exp(Float x) {
      return f(x, Math::exp);
    }

    @Override
    public Float log(Float x) {
      return f(x, Math::log);
    }

    @Override
    public Float sqrt(Float x) {
      return f(x, Math::sqrt);
    }

    @Override
    public Float pow(Float x, Float y) {
      return f(x, y, Math::pow);
    }

    @Override
    public Float logBase(Float base, Float x) {
      return f(base, x, (b, v) -> Math.log(v) / Math.log(b));
    }

    @Override
    public Float sin(Float x) {
      return f(x, Math::sin);
    }

    @Override
    public Float cos(Float x) {
      return f(x, Math::cos);
    }

    @Override
    public Float tan(Float x) {
      return f(x, Math::tan);
    }

    @Override
    public Float asin(Float x) {
      return f(x, Math::asin);
    }

    @Override
    public Float acos(Float x) {
      return f(x, Math::acos);
    }

    @Override
    public Float atan(Float x) {
      return f(x, Math::atan);
    }

    @Override
    public Float sinh(Float x) {
      return f(x, Math::sinh);
    }

    @Override
    public Float cosh(Float x) {
      return f(x, Math::cosh);
    }

    @Override
    public Float tanh(Float x) {
      return f(x, Math::tanh);
    }

    @Override
    public Float asinh(Float x) {
      return f(x, FloatingInstances::asinh);
    }

    @Override
    public Float acosh(Float x) {
      return f(x, FloatingInstances::acosh);
    }

    @Override
    public Float atanh(Float x) {
      return f(x, FloatingInstances::atanh);
    }

    @Override
    public String toString() {
      return "Floating.FLOAT";
    }
  }
}

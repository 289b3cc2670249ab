package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;

/**
 * The numeric ops of one number-like type, each with its gradient: the dictionary that {@link
 * OpMath} builds arithmetic on {@link Op}s from (Haskell's {@code Num}, {@code Fractional} and
 * {@code Floating} classes, as ops). Instances: {@link NumericOps#DOUBLE} and {@link
 * NumericOps#FLOAT}, and {@link TensorFloatingOps#INSTANCE} for tensors.
 *
 * <p>In each gradient, {@code g} is the result's gradient. An implementation must give each op
 * the gradient its documentation states; {@code dev.shapetorch.backprop.testkit.GradientCheck}
 * checks one against finite differences.
 *
 * @param <T> the number type
 */
public interface FloatingOps<T> {
  /** The number nearest to {@code value} (for a tensor: a 0-dimensional tensor). */
  T fromDouble(double value);

  /** {@code x + y}; gradient {@code (g, g)}. */
  Op<T2<T, T>, T> add();

  /** {@code x - y}; gradient {@code (g, -g)}. */
  Op<T2<T, T>, T> sub();

  /** {@code x * y}; gradient {@code (y g, x g)}. */
  Op<T2<T, T>, T> mul();

  /** {@code x / y}; gradient {@code (g / y, -g x / y^2)}. */
  Op<T2<T, T>, T> div();

  /** {@code x^y}; gradient {@code (g y x^(y-1), g x^y log x)}. */
  Op<T2<T, T>, T> pow();

  /**
   * {@code log x / log b}, base first; gradient {@code (-g logBase(b, x) / (b log b), g / (x log
   * b))}.
   */
  Op<T2<T, T>, T> logBase();

  /** {@code -x}; gradient {@code -g}. */
  Op<T1<T>, T> negate();

  /** {@code |x|}; gradient {@code g signum(x)}. */
  Op<T1<T>, T> abs();

  /** The sign of {@code x}; gradient 0. */
  Op<T1<T>, T> signum();

  /** {@code 1 / x}; gradient {@code -g / x^2}. */
  Op<T1<T>, T> recip();

  /** {@code e^x}; gradient {@code g e^x}. */
  Op<T1<T>, T> exp();

  /** Natural logarithm; gradient {@code g / x}. */
  Op<T1<T>, T> log();

  /** Square root; gradient {@code g / (2 sqrt x)}. */
  Op<T1<T>, T> sqrt();

  /** Sine; gradient {@code g cos x}. */
  Op<T1<T>, T> sin();

  /** Cosine; gradient {@code -g sin x}. */
  Op<T1<T>, T> cos();

  /** Tangent; gradient {@code g / cos^2 x}. */
  Op<T1<T>, T> tan();

  /** Arcsine; gradient {@code g / sqrt(1 - x^2)}. */
  Op<T1<T>, T> asin();

  /** Arccosine; gradient {@code -g / sqrt(1 - x^2)}. */
  Op<T1<T>, T> acos();

  /** Arctangent; gradient {@code g / (x^2 + 1)}. */
  Op<T1<T>, T> atan();

  /** Hyperbolic sine; gradient {@code g cosh x}. */
  Op<T1<T>, T> sinh();

  /** Hyperbolic cosine; gradient {@code g sinh x}. */
  Op<T1<T>, T> cosh();

  /** Hyperbolic tangent; gradient {@code g (1 - tanh^2 x)}. */
  Op<T1<T>, T> tanh();

  /** Inverse hyperbolic sine; gradient {@code g / sqrt(x^2 + 1)}. */
  Op<T1<T>, T> asinh();

  /** Inverse hyperbolic cosine; gradient {@code g / sqrt(x^2 - 1)}. */
  Op<T1<T>, T> acosh();

  /** Inverse hyperbolic tangent; gradient {@code g / (1 - x^2)}. */
  Op<T1<T>, T> atanh();
}

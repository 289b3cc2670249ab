package dev.shapetorch.backprop.ops;

/**
 * Floating-point arithmetic on a boxed number type: the dictionary over which {@link NumericOps}
 * defines each numeric op and its gradient once, for every such type (Haskell's {@code
 * Floating} class). Instances: {@link #DOUBLE} and {@link #FLOAT} (which computes in double and
 * rounds each result to float).
 *
 * <p>The inverse hyperbolic functions are computed as {@code asinh x = sign(x) log(|x| +
 * sqrt(x^2 + 1))}, {@code acosh x = log(x + sqrt(x^2 - 1))} and {@code atanh x = log1p(2x / (1 -
 * x)) / 2}.
 *
 * @param <T> the number type
 */
public interface Floating<T> {
  /** Doubles, with {@link Math}. */
  Floating<Double> DOUBLE = FloatingInstances.DOUBLE;

  /** Floats: each function computed in double, then rounded to float. */
  Floating<Float> FLOAT = FloatingInstances.FLOAT;

  /** The number nearest to {@code value}. */
  T fromDouble(double value);

  /** The number as a double. */
  double toDouble(T x);

  /** {@code x + y}. */
  T add(T x, T y);

  /** {@code x - y}. */
  T sub(T x, T y);

  /** {@code x * y}. */
  T mul(T x, T y);

  /** {@code x / y}. */
  T div(T x, T y);

  /** {@code -x}. */
  T negate(T x);

  /** {@code |x|}. */
  T abs(T x);

  /** The sign of {@code x}: -1, 0 or 1 (NaN for NaN). */
  T signum(T x);

  /** {@code 1 / x}. */
  T recip(T x);

  /** {@code e^x}. */
  T exp(T x);

  /** The natural logarithm. */
  T log(T x);

  /** The square root. */
  T sqrt(T x);

  /** {@code x^y}. */
  T pow(T x, T y);

  /** The logarithm of {@code x} in base {@code base}: {@code log x / log base}. */
  T logBase(T base, T x);

  /** Sine. */
  T sin(T x);

  /** Cosine. */
  T cos(T x);

  /** Tangent. */
  T tan(T x);

  /** Arcsine. */
  T asin(T x);

  /** Arccosine. */
  T acos(T x);

  /** Arctangent. */
  T atan(T x);

  /** Hyperbolic sine. */
  T sinh(T x);

  /** Hyperbolic cosine. */
  T cosh(T x);

  /** Hyperbolic tangent. */
  T tanh(T x);

  /** Inverse hyperbolic sine. */
  T asinh(T x);

  /** Inverse hyperbolic cosine (for {@code x >= 1}). */
  T acosh(T x);

  /** Inverse hyperbolic tangent (for {@code |x| < 1}). */
  T atanh(T x);
}

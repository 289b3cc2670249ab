package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Backprop;
import java.util.Objects;

/**
 * The {@link NumericOps} lifted to {@link BVar}s: each method is {@code BVars.liftOp1/2} of the
 * op of the same name, so an expression over {@code BVar}s reads like the arithmetic it
 * computes.
 *
 * <pre>{@code
 * var d = NumericVars.DOUBLE;
 * // d/dx (x^2 + sin x) at 1.0 = 2 + cos 1
 * double g = BVars.gradBP(x -> d.add(d.mul(x, x), d.sin(x)), 1.0, Backprop.DOUBLE);
 * }</pre>
 *
 * @param <T> the number type
 */
public final class NumericVars<T> {
  /** Doubles. */
  public static final NumericVars<Double> DOUBLE =
      new NumericVars<>(NumericOps.DOUBLE, Backprop.DOUBLE);

  /** Floats. */
  public static final NumericVars<Float> FLOAT =
      new NumericVars<>(NumericOps.FLOAT, Backprop.FLOAT);

  private final NumericOps<T> ops;
  private final Backprop<T> algebra;

  /**
   * Lifted ops over any number type.
   *
   * @param ops the ops
   * @param algebra the number type's gradient algebra
   */
  public NumericVars(NumericOps<T> ops, Backprop<T> algebra) {
    this.ops = Objects.requireNonNull(ops, "ops");
    this.algebra = Objects.requireNonNull(algebra, "algebra");
  }

  /** The ops these functions lift. */
  public NumericOps<T> ops() {
    return ops;
  }

  /** The number type's gradient algebra. */
  public Backprop<T> algebra() {
    return algebra;
  }

  /** A constant. */
  public BVar<T> constant(T value) {
    return BVar.constant(value, algebra);
  }

  /** A constant, converted from a double. */
  public BVar<T> constant(double value) {
    return BVar.constant(ops.floating().fromDouble(value), algebra);
  }

  /** {@code x + y}; see {@link NumericOps#add()}. */
  public BVar<T> add(BVar<T> x, BVar<T> y) {
    return BVars.liftOp2(ops.add(), x, y, algebra);
  }

  /** {@code x - y}; see {@link NumericOps#sub()}. */
  public BVar<T> sub(BVar<T> x, BVar<T> y) {
    return BVars.liftOp2(ops.sub(), x, y, algebra);
  }

  /** {@code x * y}; see {@link NumericOps#mul()}. */
  public BVar<T> mul(BVar<T> x, BVar<T> y) {
    return BVars.liftOp2(ops.mul(), x, y, algebra);
  }

  /** {@code x / y}; see {@link NumericOps#div()}. */
  public BVar<T> div(BVar<T> x, BVar<T> y) {
    return BVars.liftOp2(ops.div(), x, y, algebra);
  }

  /** {@code x^y}; see {@link NumericOps#pow()}. */
  public BVar<T> pow(BVar<T> x, BVar<T> y) {
    return BVars.liftOp2(ops.pow(), x, y, algebra);
  }

  /** {@code log x / log base} (base first); see {@link NumericOps#logBase()}. */
  public BVar<T> logBase(BVar<T> x, BVar<T> y) {
    return BVars.liftOp2(ops.logBase(), x, y, algebra);
  }

  /** {@code -x}; see {@link NumericOps#negate()}. */
  public BVar<T> negate(BVar<T> x) {
    return BVars.liftOp1(ops.negate(), x, algebra);
  }

  /** {@code |x|}; see {@link NumericOps#abs()}. */
  public BVar<T> abs(BVar<T> x) {
    return BVars.liftOp1(ops.abs(), x, algebra);
  }

  /** {@code signum(x)} (gradient 0); see {@link NumericOps#signum()}. */
  public BVar<T> signum(BVar<T> x) {
    return BVars.liftOp1(ops.signum(), x, algebra);
  }

  /** {@code 1 / x}; see {@link NumericOps#recip()}. */
  public BVar<T> recip(BVar<T> x) {
    return BVars.liftOp1(ops.recip(), x, algebra);
  }

  /** {@code e^x}; see {@link NumericOps#exp()}. */
  public BVar<T> exp(BVar<T> x) {
    return BVars.liftOp1(ops.exp(), x, algebra);
  }

  /** Natural logarithm; see {@link NumericOps#log()}. */
  public BVar<T> log(BVar<T> x) {
    return BVars.liftOp1(ops.log(), x, algebra);
  }

  /** Square root; see {@link NumericOps#sqrt()}. */
  public BVar<T> sqrt(BVar<T> x) {
    return BVars.liftOp1(ops.sqrt(), x, algebra);
  }

  /** Sine; see {@link NumericOps#sin()}. */
  public BVar<T> sin(BVar<T> x) {
    return BVars.liftOp1(ops.sin(), x, algebra);
  }

  /** Cosine; see {@link NumericOps#cos()}. */
  public BVar<T> cos(BVar<T> x) {
    return BVars.liftOp1(ops.cos(), x, algebra);
  }

  /** Tangent; see {@link NumericOps#tan()}. */
  public BVar<T> tan(BVar<T> x) {
    return BVars.liftOp1(ops.tan(), x, algebra);
  }

  /** Arcsine; see {@link NumericOps#asin()}. */
  public BVar<T> asin(BVar<T> x) {
    return BVars.liftOp1(ops.asin(), x, algebra);
  }

  /** Arccosine; see {@link NumericOps#acos()}. */
  public BVar<T> acos(BVar<T> x) {
    return BVars.liftOp1(ops.acos(), x, algebra);
  }

  /** Arctangent; see {@link NumericOps#atan()}. */
  public BVar<T> atan(BVar<T> x) {
    return BVars.liftOp1(ops.atan(), x, algebra);
  }

  /** Hyperbolic sine; see {@link NumericOps#sinh()}. */
  public BVar<T> sinh(BVar<T> x) {
    return BVars.liftOp1(ops.sinh(), x, algebra);
  }

  /** Hyperbolic cosine; see {@link NumericOps#cosh()}. */
  public BVar<T> cosh(BVar<T> x) {
    return BVars.liftOp1(ops.cosh(), x, algebra);
  }

  /** Hyperbolic tangent; see {@link NumericOps#tanh()}. */
  public BVar<T> tanh(BVar<T> x) {
    return BVars.liftOp1(ops.tanh(), x, algebra);
  }

  /** Inverse hyperbolic sine; see {@link NumericOps#asinh()}. */
  public BVar<T> asinh(BVar<T> x) {
    return BVars.liftOp1(ops.asinh(), x, algebra);
  }

  /** Inverse hyperbolic cosine; see {@link NumericOps#acosh()}. */
  public BVar<T> acosh(BVar<T> x) {
    return BVars.liftOp1(ops.acosh(), x, algebra);
  }

  /** Inverse hyperbolic tangent; see {@link NumericOps#atanh()}. */
  public BVar<T> atanh(BVar<T> x) {
    return BVars.liftOp1(ops.atanh(), x, algebra);
  }

  @Override
  public String toString() {
    return "NumericVars[" + ops.floating() + "]";
  }
}

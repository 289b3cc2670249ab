package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Every numeric op's gradient agrees with central finite differences of its value, at random
 * points of its domain, through {@link Op#gradOp} and through {@link BVars#gradBP}; the float
 * ops agree with the double ones.
 */
class NumericOpsGradientPropertyTest {
  private static final NumericOps<Double> D = NumericOps.DOUBLE;
  private static final NumericOps<Float> F = NumericOps.FLOAT;

  /** A one-input op, the interval its inputs are drawn from, and its reference function. */
  record Unary(String name, Op<T1<Double>, Double> op, Op<T1<Float>, Float> floatOp, double lo,
      double hi, DoubleUnaryOperator reference) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A two-input op, the intervals of its inputs, and its reference function. */
  record Binary(String name, Op<T2<Double, Double>, Double> op,
      Op<T2<Float, Float>, Float> floatOp, double xlo, double xhi, double ylo, double yhi,
      DoubleBinaryOperator reference) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Provide
  Arbitrary<Unary> unaryOps() {
    return Arbitraries.of(List.of(
        new Unary("negate", D.negate(), F.negate(), -10, 10, x -> -x),
        new Unary("abs", D.abs(), F.abs(), 0.1, 10, Math::abs),
        new Unary("abs of negatives", D.abs(), F.abs(), -10, -0.1, Math::abs),
        new Unary("signum", D.signum(), F.signum(), 0.1, 10, Math::signum),
        new Unary("recip", D.recip(), F.recip(), 0.2, 10, x -> 1 / x),
        new Unary("exp", D.exp(), F.exp(), -5, 5, Math::exp),
        new Unary("log", D.log(), F.log(), 0.1, 100, Math::log),
        new Unary("sqrt", D.sqrt(), F.sqrt(), 0.1, 100, Math::sqrt),
        new Unary("sin", D.sin(), F.sin(), -10, 10, Math::sin),
        new Unary("cos", D.cos(), F.cos(), -10, 10, Math::cos),
        new Unary("tan", D.tan(), F.tan(), -1.2, 1.2, Math::tan),
        new Unary("asin", D.asin(), F.asin(), -0.9, 0.9, Math::asin),
        new Unary("acos", D.acos(), F.acos(), -0.9, 0.9, Math::acos),
        new Unary("atan", D.atan(), F.atan(), -10, 10, Math::atan),
        new Unary("sinh", D.sinh(), F.sinh(), -5, 5, Math::sinh),
        new Unary("cosh", D.cosh(), F.cosh(), -5, 5, Math::cosh),
        new Unary("tanh", D.tanh(), F.tanh(), -3, 3, Math::tanh),
        new Unary("asinh", D.asinh(), F.asinh(), -10, 10,
            x -> Math.log(x + Math.sqrt(x * x + 1))),
        new Unary("acosh", D.acosh(), F.acosh(), 1.1, 10,
            x -> Math.log(x + Math.sqrt(x * x - 1))),
        new Unary("atanh", D.atanh(), F.atanh(), -0.9, 0.9,
            x -> 0.5 * Math.log((1 + x) / (1 - x)))));
  }

  @Provide
  Arbitrary<Binary> binaryOps() {
    return Arbitraries.of(List.of(
        new Binary("add", D.add(), F.add(), -10, 10, -10, 10, (x, y) -> x + y),
        new Binary("sub", D.sub(), F.sub(), -10, 10, -10, 10, (x, y) -> x - y),
        new Binary("mul", D.mul(), F.mul(), -10, 10, -10, 10, (x, y) -> x * y),
        new Binary("div", D.div(), F.div(), -10, 10, 0.2, 10, (x, y) -> x / y),
        new Binary("div by negatives", D.div(), F.div(), -10, 10, -10, -0.2, (x, y) -> x / y),
        new Binary("pow", D.pow(), F.pow(), 0.1, 5, -3, 3, Math::pow),
        new Binary("logBase", D.logBase(), F.logBase(), 1.5, 10, 0.1, 100,
            (b, x) -> Math.log(x) / Math.log(b)),
        new Binary("logBase below 1", D.logBase(), F.logBase(), 0.1, 0.7, 0.1, 100,
            (b, x) -> Math.log(x) / Math.log(b))));
  }

  @Property(tries = 2000)
  void unaryGradient_matchesCentralFiniteDifferences(@ForAll("unaryOps") Unary u,
      @ForAll @DoubleRange(min = 0, max = 1) double t) {
    double x = u.lo() + t * (u.hi() - u.lo());
    assertWithMessage("%s value at %s", u, x)
        .that(u.op().evalOp(T1.of(x))).isWithin(1e-12 * scale(u.reference().applyAsDouble(x)))
        .of(u.reference().applyAsDouble(x));
    double expected = centralDifference(u.reference(), x);
    double viaOp = u.op().gradOp(T1.of(x), Backprop.DOUBLE).first();
    double viaBVar = BVars.gradBP(v -> BVars.liftOp1(u.op(), v, Backprop.DOUBLE), x,
        Backprop.DOUBLE);
    assertWithMessage("%s gradient at %s", u, x).that(viaOp)
        .isWithin(1e-6 * scale(expected)).of(expected);
    assertWithMessage("%s gradient through BVars at %s", u, x).that(viaBVar).isEqualTo(viaOp);
  }

  @Property(tries = 1000)
  void binaryGradient_matchesCentralFiniteDifferences(@ForAll("binaryOps") Binary b,
      @ForAll @DoubleRange(min = 0, max = 1) double s,
      @ForAll @DoubleRange(min = 0, max = 1) double t) {
    double x = b.xlo() + s * (b.xhi() - b.xlo());
    double y = b.ylo() + t * (b.yhi() - b.ylo());
    double dx = centralDifference(v -> b.reference().applyAsDouble(v, y), x);
    double dy = centralDifference(v -> b.reference().applyAsDouble(x, v), y);
    T2<Double, Double> viaOp = b.op().gradOp(T2.of(x, y), Backprop.DOUBLE);
    T2<Double, Double> viaBVar = BVars.gradBP2(
        (vx, vy) -> BVars.liftOp2(b.op(), vx, vy, Backprop.DOUBLE), x, y, Backprop.DOUBLE,
        Backprop.DOUBLE);
    assertWithMessage("%s d/dx at (%s, %s)", b, x, y).that(viaOp.first())
        .isWithin(1e-6 * scale(dx)).of(dx);
    assertWithMessage("%s d/dy at (%s, %s)", b, x, y).that(viaOp.second())
        .isWithin(1e-6 * scale(dy)).of(dy);
    assertWithMessage("%s through BVars", b).that(viaBVar).isEqualTo(viaOp);
  }

  @Property(tries = 1000)
  void floatOps_agreeWithDoubleOps(@ForAll("unaryOps") Unary u, @ForAll("binaryOps") Binary b,
      @ForAll @DoubleRange(min = 0, max = 1) double s,
      @ForAll @DoubleRange(min = 0, max = 1) double t) {
    float x = (float) (u.lo() + s * (u.hi() - u.lo()));
    assertClose(u + " value", u.floatOp().evalOp(T1.of(x)), u.op().evalOp(T1.of((double) x)));
    assertClose(u + " gradient", u.floatOp().gradOp(T1.of(x), Backprop.FLOAT).first(),
        u.op().gradOp(T1.of((double) x), Backprop.DOUBLE).first());
    float bx = (float) (b.xlo() + s * (b.xhi() - b.xlo()));
    float by = (float) (b.ylo() + t * (b.yhi() - b.ylo()));
    T2<Float, Float> fg = b.floatOp().gradOp(T2.of(bx, by), Backprop.FLOAT);
    T2<Double, Double> dg = b.op().gradOp(T2.of((double) bx, (double) by), Backprop.DOUBLE);
    assertClose(b + " d/dx", fg.first(), dg.first());
    assertClose(b + " d/dy", fg.second(), dg.second());
  }

  private static void assertClose(String what, float actual, double expected) {
    assertWithMessage(what).that((double) actual).isWithin(1e-4 * scale(expected)).of(expected);
  }

  private static double scale(double v) {
    return Math.max(1, Math.abs(v));
  }

  /** {@code (f(x + h) - f(x - h)) / 2h} with a step relative to x. */
  static double centralDifference(DoubleUnaryOperator f, double x) {
    double h = 1e-6 * Math.max(1, Math.abs(x));
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }
}

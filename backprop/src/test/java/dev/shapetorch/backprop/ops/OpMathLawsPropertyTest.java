package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.Tup;
import dev.shapetorch.backprop.testkit.Coordinates;
import dev.shapetorch.backprop.testkit.GradientCheck;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Ops as numbers ({@link OpMath}): for random operands built from the inputs {@code (x, y)} and
 * random points, every combination's value is the operation applied to the operands' values,
 * and its gradient obeys the law of the operation: the sum, difference, product and quotient
 * rules written out, and the chain rule through the primitive op's own gradient for the others;
 * and every gradient agrees with central finite differences ({@link GradientCheck}). The same
 * expressions over floats agree with doubles, and over tensors (a vector {@code x} broadcast
 * against a scalar {@code y}) agree with doubles elementwise and with finite differences.
 */
class OpMathLawsPropertyTest {
  private static final Backprop<T2<Double, Double>> PAIR =
      Backprop.t2(Backprop.DOUBLE, Backprop.DOUBLE);
  private static final Coordinates<T2<Double, Double>> PAIR_COORDINATES =
      Coordinates.t2(Coordinates.DOUBLE, Coordinates.DOUBLE);

  /** An operation of two ops, generic in the number type as {@code OpMath}'s methods are. */
  interface Binary {
    <As extends Tup, T> Op<As, T> apply(OpMath<As, T> m, Op<As, T> f, Op<As, T> g);
  }

  /** An operation of one op. */
  interface Unary {
    <As extends Tup, T> Op<As, T> apply(OpMath<As, T> m, Op<As, T> f);
  }

  /** Where an operand's values lie, so that every operation is defined and smooth there. */
  enum Domain {
    ANY, POSITIVE, BASE, UNIT, ABOVE_ONE
  }

  record BinaryCase(String name, Binary op, Domain left, Domain right) {
    @Override
    public String toString() {
      return name;
    }
  }

  record UnaryCase(String name, Unary op, Domain domain) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The operands of a domain, over the inputs {@code x = input 1}, {@code y = input 2}, for
   * {@code x, y} in {@code [-2, 2]}.
   */
  static <As extends Tup, T> List<Op<As, T>> operands(OpMath<As, T> m, Op<As, T> x, Op<As, T> y,
      Domain domain) {
    Op<As, T> xx1 = m.add(m.mul(x, x), m.constant(1));
    switch (domain) {
      case POSITIVE:
        return List.of(m.exp(m.div(x, m.constant(3))), m.add(m.constant(3), m.sin(y)), xx1,
            m.constant(1.5), m.sqrt(m.add(xx1, m.mul(y, y))));
      case BASE:
        return List.of(m.add(m.constant(3), m.sin(y)), m.add(xx1, m.constant(1)),
            m.mul(m.pi(), m.exp(m.div(y, m.constant(4)))));
      case UNIT:
        return List.of(m.mul(m.constant(0.5), m.sin(m.mul(x, y))),
            m.mul(m.constant(0.8), m.tanh(m.sub(x, y))), m.div(x, m.constant(3)));
      case ABOVE_ONE:
        return List.of(m.add(xx1, m.constant(0.5)), m.add(m.constant(2), m.exp(m.div(y,
            m.constant(3)))));
      default:
        return List.of(x, y, m.mul(x, y), m.add(m.sin(x), y), m.negate(m.cosh(y)),
            m.exp(m.div(x, m.constant(3))), m.constant(-0.75));
    }
  }

  static final List<BinaryCase> BINARY = List.of(
      new BinaryCase("add", OpMath::add, Domain.ANY, Domain.ANY),
      new BinaryCase("sub", OpMath::sub, Domain.ANY, Domain.ANY),
      new BinaryCase("mul", OpMath::mul, Domain.ANY, Domain.ANY),
      new BinaryCase("div", OpMath::div, Domain.ANY, Domain.POSITIVE),
      new BinaryCase("pow", OpMath::pow, Domain.POSITIVE, Domain.ANY),
      new BinaryCase("logBase", OpMath::logBase, Domain.BASE, Domain.POSITIVE));

  static final List<UnaryCase> UNARY = List.of(
      new UnaryCase("negate", OpMath::negate, Domain.ANY),
      new UnaryCase("abs", OpMath::abs, Domain.POSITIVE),
      new UnaryCase("abs of negatives", OpMathLawsPropertyTest::absOfNegation, Domain.POSITIVE),
      new UnaryCase("signum", OpMath::signum, Domain.POSITIVE),
      new UnaryCase("recip", OpMath::recip, Domain.POSITIVE),
      new UnaryCase("exp", OpMath::exp, Domain.ANY),
      new UnaryCase("log", OpMath::log, Domain.POSITIVE),
      new UnaryCase("sqrt", OpMath::sqrt, Domain.POSITIVE),
      new UnaryCase("sin", OpMath::sin, Domain.ANY),
      new UnaryCase("cos", OpMath::cos, Domain.ANY),
      new UnaryCase("tan", OpMath::tan, Domain.UNIT),
      new UnaryCase("asin", OpMath::asin, Domain.UNIT),
      new UnaryCase("acos", OpMath::acos, Domain.UNIT),
      new UnaryCase("atan", OpMath::atan, Domain.ANY),
      new UnaryCase("sinh", OpMath::sinh, Domain.ANY),
      new UnaryCase("cosh", OpMath::cosh, Domain.ANY),
      new UnaryCase("tanh", OpMath::tanh, Domain.ANY),
      new UnaryCase("asinh", OpMath::asinh, Domain.ANY),
      new UnaryCase("acosh", OpMath::acosh, Domain.ABOVE_ONE),
      new UnaryCase("atanh", OpMath::atanh, Domain.UNIT));

  @Provide
  Arbitrary<BinaryCase> binaries() {
    return Arbitraries.of(BINARY);
  }

  @Provide
  Arbitrary<UnaryCase> unaries() {
    return Arbitraries.of(UNARY);
  }

  private static final OpMath<T2<Double, Double>, Double> D = OpMath.of(PAIR, NumericOps.DOUBLE);
  private static final Op<T2<Double, Double>, Double> X = D.input(T2.lensFirst());
  private static final Op<T2<Double, Double>, Double> Y = D.input(T2.lensSecond());

  @Property(tries = 600)
  void binaryOperation_valueAndGradientObeyItsLaw(@ForAll("binaries") BinaryCase c,
      @ForAll @IntRange(min = 0, max = 6) int i, @ForAll @IntRange(min = 0, max = 6) int j,
      @ForAll @DoubleRange(min = -2, max = 2) double x,
      @ForAll @DoubleRange(min = -2, max = 2) double y) {
    List<Op<T2<Double, Double>, Double>> lefts = operands(D, X, Y, c.left());
    List<Op<T2<Double, Double>, Double>> rights = operands(D, X, Y, c.right());
    Op<T2<Double, Double>, Double> f = lefts.get(i % lefts.size());
    Op<T2<Double, Double>, Double> g = rights.get(j % rights.size());
    Op<T2<Double, Double>, Double> h = c.op().apply(D, f, g);
    T2<Double, Double> at = T2.of(x, y);
    double fv = f.evalOp(at);
    double gv = g.evalOp(at);
    T2<Double, Double> df = f.gradOp(at, Backprop.DOUBLE);
    T2<Double, Double> dg = g.gradOp(at, Backprop.DOUBLE);
    Op<T2<Double, Double>, Double> primitive = primitive(c.name());
    String what = c + " of operands " + i + ", " + j + " at " + at;
    assertWithMessage("%s value", what).that(h.evalOp(at))
        .isEqualTo(primitive.evalOp(T2.of(fv, gv)));
    T2<Double, Double> expected;
    switch (c.name()) {
      case "add":
        expected = combine(df, 1, dg, 1);
        break;
      case "sub":
        expected = combine(df, 1, dg, -1);
        break;
      case "mul":
        expected = combine(df, gv, dg, fv);
        break;
      case "div":
        expected = combine(df, 1 / gv, dg, -fv / (gv * gv));
        break;
      default:
        T2<Double, Double> d = primitive.gradOp(T2.of(fv, gv), Backprop.DOUBLE);
        expected = combine(df, d.first(), dg, d.second());
    }
    T2<Double, Double> actual = h.gradOp(at, Backprop.DOUBLE);
    assertClose(what + " d/dx", actual.first(), expected.first());
    assertClose(what + " d/dy", actual.second(), expected.second());
    GradientCheck.defaults().withTolerance(1e-5).op(what, h, at, PAIR_COORDINATES,
        Coordinates.DOUBLE);
  }

  @Property(tries = 800)
  void unaryOperation_valueAndGradientObeyTheChainRule(@ForAll("unaries") UnaryCase c,
      @ForAll @IntRange(min = 0, max = 6) int i,
      @ForAll @DoubleRange(min = -2, max = 2) double x,
      @ForAll @DoubleRange(min = -2, max = 2) double y) {
    List<Op<T2<Double, Double>, Double>> inner = operands(D, X, Y, c.domain());
    Op<T2<Double, Double>, Double> f = inner.get(i % inner.size());
    Op<T2<Double, Double>, Double> h = c.op().apply(D, f);
    T2<Double, Double> at = T2.of(x, y);
    double fv = f.evalOp(at);
    T2<Double, Double> df = f.gradOp(at, Backprop.DOUBLE);
    // the operation alone, as an op of one input: h applied to the identity
    Op<T1<Double>, Double> outer = c.op().apply(OpMath.of(Backprop.t1(Backprop.DOUBLE),
        NumericOps.DOUBLE), Op.idOp());
    String what = c + " of operand " + i + " at " + at;
    assertWithMessage("%s value", what).that(h.evalOp(at)).isEqualTo(outer.evalOp(T1.of(fv)));
    double slope = outer.gradOp(T1.of(fv), Backprop.DOUBLE).first();
    T2<Double, Double> actual = h.gradOp(at, Backprop.DOUBLE);
    assertClose(what + " d/dx", actual.first(), slope * df.first());
    assertClose(what + " d/dy", actual.second(), slope * df.second());
    GradientCheck.defaults().withTolerance(1e-5).op(what, h, at, PAIR_COORDINATES,
        Coordinates.DOUBLE);
  }

  @Property(tries = 300)
  void constantsAndInputs_haveTheGradientsOfConstantsAndProjections(
      @ForAll @DoubleRange(min = -2, max = 2) double x,
      @ForAll @DoubleRange(min = -2, max = 2) double y) {
    T2<Double, Double> at = T2.of(x, y);
    assertWithMessage("constant").that(D.constant(4.5).runOp(at, Backprop.DOUBLE).gradient())
        .isEqualTo(T2.of(0.0, 0.0));
    assertWithMessage("pi").that(D.pi().evalOp(at)).isEqualTo(Math.PI);
    assertWithMessage("x").that(X.runOp(at, Backprop.DOUBLE).gradient())
        .isEqualTo(T2.of(1.0, 0.0));
    assertWithMessage("y").that(Y.runOp(at, Backprop.DOUBLE).gradient())
        .isEqualTo(T2.of(0.0, 1.0));
    // x * x: both operands are the same op, and their contributions add up to 2x
    assertWithMessage("x * x").that(D.mul(X, X).gradOp(at, Backprop.DOUBLE).first())
        .isEqualTo(2 * x);
  }

  @Property(tries = 300)
  void floatExpressions_agreeWithDoubleOnes(@ForAll("binaries") BinaryCase b,
      @ForAll("unaries") UnaryCase u, @ForAll @IntRange(min = 0, max = 6) int i,
      @ForAll @IntRange(min = 0, max = 6) int j,
      @ForAll @DoubleRange(min = -1, max = 1) double x,
      @ForAll @DoubleRange(min = -1, max = 1) double y) {
    OpMath<T2<Float, Float>, Float> f = OpMath.of(Backprop.t2(Backprop.FLOAT, Backprop.FLOAT),
        NumericOps.FLOAT);
    Op<T2<Float, Float>, Float> fx = f.input(T2.lensFirst());
    Op<T2<Float, Float>, Float> fy = f.input(T2.lensSecond());
    Op<T2<Float, Float>, Float> floatOp = expression(f, fx, fy, b, u, i, j);
    Op<T2<Double, Double>, Double> doubleOp = expression(D, X, Y, b, u, i, j);
    float fxv = (float) x;
    float fyv = (float) y;
    T2<Double, Double> at = T2.of((double) fxv, (double) fyv);
    String what = u + " of " + b + " of operands " + i + ", " + j + " at " + at;
    assertClose(what + " value (float)", floatOp.evalOp(T2.of(fxv, fyv)), doubleOp.evalOp(at),
        1e-3);
    T2<Float, Float> fg = floatOp.gradOp(T2.of(fxv, fyv), Backprop.FLOAT);
    T2<Double, Double> dg = doubleOp.gradOp(at, Backprop.DOUBLE);
    assertClose(what + " d/dx (float)", fg.first(), dg.first(), 1e-3);
    assertClose(what + " d/dy (float)", fg.second(), dg.second(), 1e-3);
  }

  @Property(tries = 60)
  void tensorExpressions_agreeWithDoublesElementwise_andWithFiniteDifferences(
      @ForAll("binaries") BinaryCase b, @ForAll("unaries") UnaryCase u,
      @ForAll @IntRange(min = 0, max = 6) int i, @ForAll @IntRange(min = 0, max = 6) int j,
      @ForAll long seed) {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(seed);
      Tensor xs = Torch.rand(new long[] {3}, DType.FLOAT64).mul(4.0).sub(2.0);
      Tensor y = Torch.rand(new long[0], DType.FLOAT64).mul(4.0).sub(2.0);
      OpMath<T2<Tensor, Tensor>, Tensor> t = OpMath.tensors(
          Backprop.t2(TensorBackprop.INSTANCE, TensorBackprop.INSTANCE));
      Op<T2<Tensor, Tensor>, Tensor> tensorOp = expression(t, t.input(T2.lensFirst()),
          t.input(T2.lensSecond()), b, u, i, j);
      Op<T2<Double, Double>, Double> doubleOp = expression(D, X, Y, b, u, i, j);
      T2<Tensor, Tensor> at = T2.of(xs, y);
      String what = u + " of " + b + " of operands " + i + ", " + j + " at " + at;
      double[] values = tensorOp.evalOp(at).toDoubleArray();
      double[] x = xs.toDoubleArray();
      double yv = y.item();
      for (int k = 0; k < x.length; k++) {
        double expected = doubleOp.evalOp(T2.of(x[k], yv));
        assertClose(what + " value " + k, values[values.length == 1 ? 0 : k], expected, 1e-9);
      }
      GradientCheck.defaults().withTolerance(1e-5).op(what, tensorOp, at,
          Coordinates.t2(Coordinates.tensor(), Coordinates.tensor()), Coordinates.tensor());
    }
  }

  /** {@code u(b(f, g))}, with operands drawn from the domains {@code b} needs. */
  private static <As extends Tup, T> Op<As, T> expression(OpMath<As, T> m, Op<As, T> x,
      Op<As, T> y, BinaryCase b, UnaryCase u, int i, int j) {
    List<Op<As, T>> lefts = operands(m, x, y, b.left());
    List<Op<As, T>> rights = operands(m, x, y, b.right());
    Op<As, T> inner = b.op().apply(m, lefts.get(i % lefts.size()),
        rights.get(j % rights.size()));
    // keep u's argument in its domain: squash the binary result into it
    Op<As, T> squashed;
    switch (u.domain()) {
      case POSITIVE:
        squashed = m.add(m.constant(1.5), m.sin(inner));
        break;
      case UNIT:
        squashed = m.mul(m.constant(0.5), m.sin(inner));
        break;
      case ABOVE_ONE:
        squashed = m.add(m.constant(2.5), m.sin(inner));
        break;
      default:
        squashed = m.sin(inner);
    }
    return u.op().apply(m, squashed);
  }

  /** {@code |-f|}: {@code abs} where its argument is negative. */
  static <As extends Tup, T> Op<As, T> absOfNegation(OpMath<As, T> m, Op<As, T> f) {
    return m.abs(m.negate(f));
  }

  private static Op<T2<Double, Double>, Double> primitive(String name) {
    NumericOps<Double> n = NumericOps.DOUBLE;
    switch (name) {
      case "add":
        return n.add();
      case "sub":
        return n.sub();
      case "mul":
        return n.mul();
      case "div":
        return n.div();
      case "pow":
        return n.pow();
      default:
        return n.logBase();
    }
  }

  private static T2<Double, Double> combine(T2<Double, Double> df, double a,
      T2<Double, Double> dg, double b) {
    return T2.of(a * df.first() + b * dg.first(), a * df.second() + b * dg.second());
  }

  private static void assertClose(String what, double actual, double expected) {
    assertClose(what, actual, expected, 1e-9);
  }

  private static void assertClose(String what, double actual, double expected,
      double tolerance) {
    assertWithMessage(what).that(actual)
        .isWithin(tolerance * Math.max(1, Math.abs(expected))).of(expected);
  }
}

package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.ops.NumericOps;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link Op} API, including every example its documentation gives. */
class OpTest {
  private static final Backprop<Double> D = Backprop.DOUBLE;
  private static final Backprop<T3<Double, Double, Double>> D3 = Backprop.t3(D, D, D);
  private static final Op<T2<Double, Double>, Double> TIMES =
      Op.op2((x, y) -> OpResult.of(x * y, d -> T2.of(d * y, x * d)));
  private static final Op<T1<Double>, Double> SQUARE =
      Op.op1(x -> OpResult.of(x * x, d -> 2 * d * x));

  @Test
  void op2Times_at3And5_valueIs15AndGradientIs5And3() {
    assertThat(TIMES.evalOp(T2.of(3.0, 5.0))).isEqualTo(15.0);
    assertThat(TIMES.gradOp(T2.of(3.0, 5.0), D)).isEqualTo(T2.of(5.0, 3.0));
    assertThat(TIMES.runOp(T2.of(3.0, 5.0), D)).isEqualTo(new ValueGrad<>(15.0, T2.of(5.0, 3.0)));
  }

  @Test
  void libraryMul_matchesTheDocumentedExample() {
    assertThat(NumericOps.DOUBLE.mul().runOp(T2.of(3.0, 5.0), D))
        .isEqualTo(new ValueGrad<>(15.0, T2.of(5.0, 3.0)));
  }

  @Test
  void opConst10_returns10WithZeroGradients() {
    assertThat(Op.opConst(D3, 10.0).runOp(T3.of(1.0, 2.0, 3.0), D))
        .isEqualTo(new ValueGrad<>(10.0, T3.of(0.0, 0.0, 0.0)));
  }

  @Test
  void opTup_returnsItsInputsWithAllOnesGradients() {
    Op<T3<Double, Double, Double>, T3<Double, Double, Double>> tup = Op.opTup();
    assertThat(tup.runOp(T3.of(1.0, 2.0, 3.0), D3))
        .isEqualTo(new ValueGrad<>(T3.of(1.0, 2.0, 3.0), T3.of(1.0, 1.0, 1.0)));
  }

  @Test
  void squaringOp1_gradientWithOutputDerivativeD_is2dx() {
    assertThat(SQUARE.gradOpWith(T1.of(4.0), 0.5)).isEqualTo(T1.of(4.0));
    assertThat(SQUARE.gradOpWith(T1.of(-3.0), 2.0)).isEqualTo(T1.of(-12.0));
    assertThat(SQUARE.gradOp(T1.of(4.0), D)).isEqualTo(T1.of(8.0));
  }

  @Test
  void op0_hasTheEmptyGradient() {
    assertThat(Op.op0(10.0).runOp(T0.of(), D)).isEqualTo(new ValueGrad<>(10.0, T0.INSTANCE));
  }

  @Test
  void idOp_passesValueAndGradientThrough() {
    Op<T1<Double>, Double> id = Op.idOp();
    assertThat(id.runOp(T1.of(7.0), D)).isEqualTo(new ValueGrad<>(7.0, T1.of(1.0)));
    assertThat(id.gradOpWith(T1.of(7.0), 3.5)).isEqualTo(T1.of(3.5));
  }

  @Test
  void op3_givesThreePartialDerivatives() {
    Op<T3<Double, Double, Double>, Double> xyz =
        Op.op3((x, y, z) -> OpResult.of(x * y * z, d -> T3.of(d * y * z, d * x * z, d * x * y)));
    assertThat(xyz.runOp(T3.of(2.0, 3.0, 4.0), D))
        .isEqualTo(new ValueGrad<>(24.0, T3.of(12.0, 8.0, 6.0)));
  }

  @Test
  void opLens_extractsAFieldAndPutsItsGradientIntoAZeroWhole() {
    Op<T1<Point>, Double> y = Op.opLens(PointBackprop.y(), PointBackprop.INSTANCE);
    assertThat(y.evalOp(T1.of(new Point(1, 2)))).isEqualTo(2.0);
    assertThat(y.gradOpWith(T1.of(new Point(1, 2)), 5.0)).isEqualTo(T1.of(new Point(0, 5)));
  }

  @Test
  void opIso_carriesValuesAndGradientsThroughTheIsomorphism() {
    Op<T1<Double>, T1<Double>> wrap = Op.opIso(T1::of, T1::first);
    assertThat(wrap.gradOpWith(T1.of(3.0), T1.of(4.0))).isEqualTo(T1.of(4.0));
    Op<T2<Double, Double>, Point> point =
        Op.opIso2(Point::new, p -> T2.of(p.x(), p.y()));
    assertThat(point.evalOp(T2.of(1.0, 2.0))).isEqualTo(new Point(1, 2));
    assertThat(point.gradOpWith(T2.of(1.0, 2.0), new Point(6, 7))).isEqualTo(T2.of(6.0, 7.0));
    Op<T3<Double, Double, Double>, List<Double>> list =
        Op.opIso3((a, b, c) -> List.of(a, b, c), l -> T3.of(l.get(0), l.get(1), l.get(2)));
    assertThat(list.gradOpWith(T3.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0)))
        .isEqualTo(T3.of(4.0, 5.0, 6.0));
    Op<TN<Double>, List<Double>> listN = Op.opIsoN(TN::values, TN::ofList);
    assertThat(listN.runOp(TN.of(1.0, 2.0), Backprop.list(D)))
        .isEqualTo(new ValueGrad<>(List.of(1.0, 2.0), TN.of(1.0, 1.0)));
  }

  @Test
  void noGrad1_evaluatesButRefusesItsGradientNamingTheOp() {
    Op<T1<Double>, Double> floor = Op.noGrad1("floor", Math::floor);
    assertThat(floor.evalOp(T1.of(2.7))).isEqualTo(2.0);
    NoGradientException e =
        assertThrows(NoGradientException.class, () -> floor.gradOp(T1.of(2.7), D));
    assertThat(e.op()).isEqualTo("floor");
    assertThat(e).hasMessageThat().startsWith("[backprop.noGradient] floor: this op has no");
    assertThat(assertThrows(NoGradientException.class,
        () -> Op.<Double, Double>noGrad1(Math::floor).gradOp(T1.of(2.7), D)).op())
        .isEqualTo("Op.noGrad1");
  }

  @Test
  void noGrad_evaluatesButRefusesItsGradient() {
    Op<T2<Double, Double>, Double> max = Op.noGrad("max", t -> Math.max(t.first(), t.second()));
    assertThat(max.evalOp(T2.of(1.0, 4.0))).isEqualTo(4.0);
    assertThat(assertThrows(NoGradientException.class,
        () -> max.gradOpWith(T2.of(1.0, 4.0), 1.0)).op()).isEqualTo("max");
  }

  @Test
  void composeOp1_andThen_andCompose_chainTheDerivatives() {
    NumericOps<Double> n = NumericOps.DOUBLE;
    // sin(x * y) at (2, 3): d/dx = y cos(xy), d/dy = x cos(xy)
    Op<T2<Double, Double>, Double> sinTimes = Op.composeOp1(n.mul(), n.sin());
    ValueGrad<Double, T2<Double, Double>> r = sinTimes.runOp(T2.of(2.0, 3.0), D);
    assertThat(r.value()).isEqualTo(Math.sin(6));
    assertThat(r.gradient()).isEqualTo(T2.of(3 * Math.cos(6), 2 * Math.cos(6)));
    assertThat(n.mul().andThen(n.sin()).runOp(T2.of(2.0, 3.0), D)).isEqualTo(r);
    assertThat(Op.compose(n.sin(), n.mul()).runOp(T2.of(2.0, 3.0), D)).isEqualTo(r);
  }

  @Test
  void composeOp_twoBranches_addsBothContributions() {
    NumericOps<Double> n = NumericOps.DOUBLE;
    Backprop<T1<Double>> d1 = Backprop.t1(D);
    // x * x built from two identity branches: gradient 2x
    Op<T1<Double>, Double> square = Op.composeOp(d1, Op.idOp(), Op.idOp(), n.mul());
    assertThat(square.runOp(T1.of(3.0), D)).isEqualTo(new ValueGrad<>(9.0, T1.of(6.0)));
    // x * x + x from three branches: gradient 2x + 1
    Op<T3<Double, Double, Double>, Double> mulAdd =
        Op.op3((a, b, c) -> OpResult.of(a * b + c, g -> T3.of(g * b, g * a, g)));
    Op<T1<Double>, Double> poly = Op.composeOp(d1, Op.idOp(), Op.idOp(), Op.idOp(), mulAdd);
    assertThat(poly.runOp(T1.of(3.0), D)).isEqualTo(new ValueGrad<>(12.0, T1.of(7.0)));
  }

  @Test
  void composeOpN_sumsContributions_andNoBranchesGiveZero() {
    Op<TN<Double>, Double> sum = xs -> OpResult.of(
        xs.values().stream().mapToDouble(Double::doubleValue).sum(),
        g -> new TN<>(java.util.Collections.nCopies(xs.size(), g)));
    Op<T2<Double, Double>, Double> x = Op.op2((a, b) -> OpResult.of(a, g -> T2.of(g, 0.0)));
    Op<T2<Double, Double>, Double> y = Op.op2((a, b) -> OpResult.of(b, g -> T2.of(0.0, g)));
    Op<T2<Double, Double>, Double> twoXPlusY =
        Op.composeOpN(Backprop.t2(D, D), List.of(x, x, y), sum);
    assertThat(twoXPlusY.runOp(T2.of(5.0, 7.0), D))
        .isEqualTo(new ValueGrad<>(17.0, T2.of(2.0, 1.0)));
    Op<T2<Double, Double>, Double> none = Op.composeOpN(Backprop.t2(D, D), List.of(), sum);
    assertThat(none.runOp(T2.of(5.0, 7.0), D)).isEqualTo(new ValueGrad<>(0.0, T2.of(0.0, 0.0)));
  }
}

package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.backprop.ops.NumericVars;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Isomorphisms, lists and record fields of {@link BVar}s. */
class BVarStructureTest {
  private static final Backprop<Double> D = Backprop.DOUBLE;
  private static final NumericVars<Double> V = NumericVars.DOUBLE;
  private static final PointBackprop P = PointBackprop.INSTANCE;

  @Test
  void viewVar_differentiatesAFunctionOfARecordsFields() {
    // f(p) = x * y^2 at (3, 2): df/dx = y^2 = 4, df/dy = 2xy = 12
    ValueGrad<Double, Point> r = BVars.backprop(p -> {
      BVar<Double> x = BVars.viewVar(PointBackprop.x(), p, D);
      BVar<Double> y = p.view(PointBackprop.y(), D);
      return V.mul(x, V.mul(y, y));
    }, new Point(3, 2), P);
    assertThat(r).isEqualTo(new ValueGrad<>(12.0, new Point(4, 12)));
  }

  @Test
  void viewVar_ofAnUnusedField_leavesItsGradientZero() {
    assertThat(BVars.gradBP(p -> p.view(PointBackprop.x(), D), new Point(3, 2), P))
        .isEqualTo(new Point(1, 0));
  }

  @Test
  void setVar_routesTheFieldsGradientToTheNewPart_andTheRestToTheWhole() {
    // g(p, s) = (p with x := s) ; result x * y  => d/ds = y, d/dp = (0, s)
    ValueGrad<Double, T2<Point, Double>> r = BVars.backprop2((p, s) -> {
      BVar<Point> q = BVars.setVar(PointBackprop.x(), s, p);
      return V.mul(q.view(PointBackprop.x(), D), q.view(PointBackprop.y(), D));
    }, new Point(3, 2), 5.0, P, D);
    assertThat(r).isEqualTo(new ValueGrad<>(10.0, T2.of(new Point(0, 5), 2.0)));
  }

  @Test
  void overVar_appliesTheFunctionToThePart() {
    // p with y := y^2, then x + y  => d/dx = 1, d/dy = 2y
    ValueGrad<Double, Point> r = BVars.backprop(p -> {
      BVar<Point> q = BVars.overVar(PointBackprop.y(), p, D, y -> V.mul(y, y));
      return V.add(q.view(PointBackprop.x(), D), q.view(PointBackprop.y(), D));
    }, new Point(3, 2), P);
    assertThat(r).isEqualTo(new ValueGrad<>(7.0, new Point(1, 4)));
    assertThat(BVars.gradBP(p -> p.over(PointBackprop.x(), D, V::sin)
        .view(PointBackprop.x(), D), new Point(0.5, 1), P))
        .isEqualTo(new Point(Math.cos(0.5), 0));
  }

  @Test
  void setVar_onConstants_staysOffTheTape() {
    List<BVar<Point>> seen = new ArrayList<>();
    BVars.gradBP(x -> {
      BVar<Point> c = BVars.setVar(PointBackprop.x(), V.constant(1.0),
          BVar.constant(new Point(0, 0), P));
      seen.add(c);
      return x;
    }, 1.0, D);
    assertThat(seen.get(0).isConstant()).isTrue();
    assertThat(seen.get(0).value()).isEqualTo(new Point(1, 0));
  }

  @Test
  void isoVar2_buildsARecordWhoseGradientSplitsBack() {
    T2<Double, Double> g = BVars.gradBP2((x, y) -> {
      BVar<Point> p = BVars.isoVar2(Point::new, q -> T2.of(q.x(), q.y()), x, y, P);
      return V.mul(p.view(PointBackprop.x(), D), V.constant(7.0));
    }, 1.0, 2.0, D, D);
    assertThat(g).isEqualTo(T2.of(7.0, 0.0));
  }

  @Test
  void isoVar_isoVar3_isoVarN_passGradientsUnchanged() {
    assertThat(BVars.gradBP(x -> BVars.isoVar(T1::of, T1::first, x, Backprop.t1(D))
        .view(T1.lensFirst(), D), 3.0, D)).isEqualTo(1.0);
    assertThat(BVars.gradBPN(xs -> BVars.isoVar3(T3::of, t -> t, xs.get(0), xs.get(1),
        xs.get(2), Backprop.t3(D, D, D)).view(T3.lensThird(), D), List.of(1.0, 2.0, 3.0), D))
        .containsExactly(0.0, 0.0, 1.0).inOrder();
    assertThat(BVars.gradBPN(xs -> BVars.isoVarN(t -> t, t -> t, xs, Backprop.tn(D))
        .view(TN.lensAt(1), D), List.of(1.0, 2.0), D)).containsExactly(0.0, 1.0).inOrder();
  }

  @Test
  void sequenceVar_splitsAListAndCollectsElementGradients() {
    // sum of squares of the elements at even indices
    ValueGrad<Double, List<Double>> r = BVars.backprop(list -> {
      List<BVar<Double>> xs = BVars.sequenceVar(list, D);
      BVar<Double> sum = V.constant(0.0);
      for (int i = 0; i < xs.size(); i += 2) {
        sum = V.add(sum, V.mul(xs.get(i), xs.get(i)));
      }
      return sum;
    }, List.of(1.0, 2.0, 3.0, 4.0, 5.0), Backprop.list(D));
    assertThat(r.value()).isEqualTo(35.0);
    assertThat(r.gradient()).containsExactly(2.0, 0.0, 6.0, 0.0, 10.0).inOrder();
  }

  @Test
  void sequenceVar_elementUsedTwice_andTheWholeUsedToo_addUp() {
    Backprop<List<Double>> list = Backprop.list(D);
    Op<T1<List<Double>>, Double> sumOp = Op.op1(xs -> OpResult.of(
        xs.stream().mapToDouble(Double::doubleValue).sum(),
        g -> java.util.Collections.nCopies(xs.size(), g)));
    // f(l) = l0 * l0 + sum(l), split twice: gradient (2 l0 + 1, 1, 1)
    List<Double> g = BVars.gradBP(l -> {
      BVar<Double> a = BVars.sequenceVar(l, D).get(0);
      BVar<Double> b = BVars.sequenceVar(l, D).get(0);
      return V.add(V.mul(a, b), BVars.liftOp1(sumOp, l, D));
    }, List.of(3.0, 4.0, 5.0), list);
    assertThat(g).containsExactly(7.0, 1.0, 1.0).inOrder();
  }

  @Test
  void collectVar_isTheInverseOfSequenceVar() {
    List<Double> g = BVars.gradBPN(xs -> {
      BVar<List<Double>> all = BVars.collectVar(List.of(xs.get(1), xs.get(0), xs.get(1)), D);
      List<BVar<Double>> back = BVars.sequenceVar(all, D);
      return V.mul(back.get(0), V.add(back.get(1), back.get(2)));
    }, List.of(2.0, 3.0), D);
    // f(a, b) = b * (a + b): df/da = b = 3, df/db = a + 2b = 8
    assertThat(g).containsExactly(3.0, 8.0).inOrder();
  }

  @Test
  void sequenceVar_ofAConstant_givesConstants() {
    List<BVar<Double>> xs =
        BVars.sequenceVar(BVar.constant(List.of(1.0, 2.0), Backprop.list(D)), D);
    assertThat(xs.get(1).isConstant()).isTrue();
    assertThat(xs.get(1).value()).isEqualTo(2.0);
  }
}

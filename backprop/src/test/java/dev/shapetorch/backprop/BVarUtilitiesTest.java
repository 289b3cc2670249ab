package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.ops.NumericVars;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code Numeric.Backprop} utilities: {@link BVars#toListOfVar}, {@link BVars#previewVar},
 * {@link BVars#coerceVar}, {@link BVars#liftOp} over mixed inputs, and the three-argument and
 * N-argument runners.
 */
class BVarUtilitiesTest {
  private static final Backprop<Double> D = Backprop.DOUBLE;
  private static final Backprop<List<Double>> LIST = Backprop.list(D);
  private static final NumericVars<Double> V = NumericVars.DOUBLE;

  @Test
  void toListOfVar_eachPartGetsItsGradient_unusedPartsZero_repeatedPartsAdd() {
    // f(xs) = xs0 * xs2 + xs2: d/dxs = (xs2, 0, xs0 + 1)
    List<Double> g = BVars.gradBP(xs -> {
      List<BVar<Double>> parts = BVars.toListOfVar(Traversal.list(), xs, D);
      return V.add(V.mul(parts.get(0), parts.get(2)), parts.get(2));
    }, List.of(2.0, 3.0, 5.0), LIST);
    assertThat(g).containsExactly(5.0, 0.0, 3.0).inOrder();
  }

  @Test
  void toListOfVar_throughAComposedTraversal_reachesNestedParts() {
    // the second component of every pair of a list: the gradient of their product
    Traversal<List<T2<Double, Double>>, Double> seconds =
        Traversal.<T2<Double, Double>>list().andThen(Traversal.fromLens(T2.lensSecond()));
    Backprop<List<T2<Double, Double>>> pairs = Backprop.list(Backprop.t2(D, D));
    List<T2<Double, Double>> g = BVars.gradBP(xs -> {
      List<BVar<Double>> parts = BVars.toListOfVar(seconds, xs, D);
      return V.mul(parts.get(0), parts.get(1));
    }, List.of(T2.of(1.0, 2.0), T2.of(3.0, 4.0)), pairs);
    assertThat(g).containsExactly(T2.of(0.0, 4.0), T2.of(0.0, 2.0)).inOrder();
  }

  @Test
  void toListOfVar_ofAConstant_givesConstants() {
    List<BVar<Double>> parts = BVars.toListOfVar(Traversal.list(),
        BVar.constant(List.of(1.0, 2.0), LIST), D);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(1).isConstant()).isTrue();
    assertThat(parts.get(1).value()).isEqualTo(2.0);
  }

  /** A record with an optional field, for previewVar. */
  record Reading(double base, Optional<Double> offset) {}

  private static final Backprop<Reading> READING = Backprop.of(
      r -> new Reading(0, r.offset().map(o -> 0.0)),
      (a, b) -> new Reading(a.base() + b.base(), a.offset().isPresent()
          ? Optional.of(a.offset().get() + b.offset().orElse(0.0)) : b.offset()),
      r -> new Reading(1, r.offset().map(o -> 1.0)));

  private static final Traversal<Reading, Double> OFFSET = Traversal.optional(Reading::offset,
      (r, o) -> new Reading(r.base(), Optional.of(o)));

  @Test
  void previewVar_presentPart_isAVariableWhoseGradientReachesThatPart() {
    // f(r) = base * offset, or base alone when there is no offset
    Reading g = BVars.gradBP(r -> {
      BVar<Double> base = r.view(Lens.of(Reading::base,
          (w, b) -> new Reading(b, w.offset())), D);
      return BVars.previewVar(OFFSET, r, D).map(o -> V.mul(base, o)).orElse(base);
    }, new Reading(3, Optional.of(4.0)), READING);
    assertThat(g).isEqualTo(new Reading(4, Optional.of(3.0)));
  }

  @Test
  void previewVar_absentPart_isEmpty() {
    Reading g = BVars.gradBP(r -> {
      Optional<BVar<Double>> offset = BVars.previewVar(OFFSET, r, D);
      assertThat(offset).isEmpty();
      return r.view(Lens.of(Reading::base, (w, b) -> new Reading(b, w.offset())), D);
    }, new Reading(3, Optional.empty()), READING);
    assertThat(g).isEqualTo(new Reading(1, Optional.empty()));
  }

  @Test
  void previewVar_ofAList_isItsFirstElement() {
    List<Double> g = BVars.gradBP(xs -> V.mul(BVars.previewVar(Traversal.list(), xs, D)
        .orElseThrow(), V.constant(7.0)), List.of(2.0, 3.0), LIST);
    assertThat(g).containsExactly(7.0, 0.0).inOrder();
  }

  @Test
  void coerceVar_throughARecord_convertsTheGradientBack() {
    Coercion<T2<Double, Double>, Point> toPoint = Coercion.record(Point.class);
    // f(t) = x * y of the point made of the tuple: gradient (y, x)
    T2<Double, Double> g = BVars.gradBP(t -> {
      BVar<Point> p = BVars.coerceVar(toPoint, t, PointBackprop.INSTANCE);
      return V.mul(p.view(PointBackprop.x(), D), p.view(PointBackprop.y(), D));
    }, T2.of(3.0, 5.0), Backprop.t2(D, D));
    assertThat(g).isEqualTo(T2.of(5.0, 3.0));
  }

  @Test
  void liftOp_overFourInputsOfMixedTypes_givesEachItsGradient() {
    // (a: double, b: float, c: double[], d: list) -> a * b * sum(c) + d0
    Op<TN<Object>, Double> op = xs -> {
      double a = (Double) xs.at(0);
      float b = (Float) xs.at(1);
      double[] c = (double[]) xs.at(2);
      @SuppressWarnings("unchecked")
      List<Double> d = (List<Double>) xs.at(3);
      double sum = 0;
      for (double v : c) {
        sum += v;
      }
      double s = sum;
      return OpResult.of(a * b * s + d.get(0), g -> TN.of(g * b * s, (float) (g * a * s),
          new double[] {g * a * b, g * a * b}, List.of(g, 0.0)));
    };
    var r = BVars.backprop3((a, b, c) -> BVars.liftOp(op, D, a, b, c,
        BVar.constant(List.of(10.0, 20.0), LIST)), 2.0, 3f, new double[] {1, 4},
        D, Backprop.FLOAT, Backprop.DOUBLE_ARRAY);
    assertThat(r.value()).isEqualTo(2.0 * 3 * 5 + 10);
    assertThat(r.gradient().first()).isEqualTo(15.0);
    assertThat(r.gradient().second()).isEqualTo(10f);
    assertThat(r.gradient().third()).isEqualTo(new double[] {6, 6});
  }

  @Test
  void liftOp_buildsTheTupleOfItsArity() {
    Op<T2<Double, Double>, Double> sub = Op.op2((x, y) -> OpResult.of(x - y,
        g -> T2.of(g, -g)));
    assertThat(BVars.gradBP2((x, y) -> BVars.liftOp(sub, D, x, y), 1.0, 2.0, D, D))
        .isEqualTo(T2.of(1.0, -1.0));
    Op<T0, Double> ten = Op.op0(10.0);
    assertThat(BVars.<Double, Double>evalBP(x -> BVars.liftOp(ten, D), 1.0)).isEqualTo(10.0);
    assertThat(BVars.liftOp(ten, D).isConstant()).isTrue();
  }

  @Test
  void threeArgumentRunners_agree() {
    Function3<BVar<Double>, BVar<Double>, BVar<Double>, BVar<Double>> f =
        (x, y, z) -> V.mul(V.mul(x, y), V.sin(z));
    ValueGrad<Double, T3<Double, Double, Double>> r = BVars.backprop3(f, 2.0, 3.0, 0.5, D, D, D);
    assertThat(r.value()).isEqualTo(6 * Math.sin(0.5));
    assertThat(r.gradient()).isEqualTo(T3.of(3 * Math.sin(0.5), 2 * Math.sin(0.5),
        6 * Math.cos(0.5)));
    assertThat(BVars.gradBP3(f, 2.0, 3.0, 0.5, D, D, D)).isEqualTo(r.gradient());
    assertThat(BVars.evalBP3(f, 2.0, 3.0, 0.5)).isEqualTo(r.value());
    OpResult<T3<Double, Double, Double>, Double> with =
        BVars.backpropWith3(f, 2.0, 3.0, 0.5, D, D, D);
    assertThat(with.gradient(2.0)).isEqualTo(T3.of(6 * Math.sin(0.5), 4 * Math.sin(0.5),
        12 * Math.cos(0.5)));
    // an argument the function ignores gets zero
    assertThat(BVars.gradBP3((x, y, z) -> x, 1.0, 2f, 3.0, D, Backprop.FLOAT, D))
        .isEqualTo(T3.of(1.0, 0f, 0.0));
  }

  @Test
  void backpropWithN_continuationTakesAnyOutputGradient_anyNumberOfTimes() {
    OpResult<List<Double>, Double> r = BVars.backpropWithN(
        xs -> V.mul(xs.get(0), xs.get(1)), List.of(3.0, 4.0, 5.0), D);
    assertThat(r.value()).isEqualTo(12.0);
    assertThat(r.gradient(null)).containsExactly(4.0, 3.0, 0.0).inOrder();
    assertThat(r.gradient(10.0)).containsExactly(40.0, 30.0, 0.0).inOrder();
    assertThat(BVars.backpropN(xs -> V.mul(xs.get(0), xs.get(1)), List.of(3.0, 4.0, 5.0), D)
        .gradient()).isEqualTo(r.gradient(null));
  }

  @Test
  void traversalSetAll_withTheWrongCount_saysHowManyPartsItNeeds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Traversal.<Double>list().setAll(List.of(1.0, 2.0), List.of(1.0)));
    assertThat(e).hasMessageThat().startsWith("Traversal.list: setAll got 1 parts for a list"
        + " of 2");
  }
}

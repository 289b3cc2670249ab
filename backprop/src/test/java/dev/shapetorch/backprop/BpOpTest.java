package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.backprop.ops.NumericOps;
import dev.shapetorch.backprop.ops.NumericVars;
import dev.shapetorch.backprop.testkit.Coordinates;
import dev.shapetorch.backprop.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BVars#bpOp1}..{@link BVars#bpOpN}: a {@code BVar} function as an op has the function's
 * value and gradient, any output gradient scales the inputs' gradients, and the op composes with
 * other ops and lifts back into {@code BVar} code.
 */
class BpOpTest {
  private static final Backprop<Double> D = Backprop.DOUBLE;
  private static final NumericVars<Double> V = NumericVars.DOUBLE;
  private static final Coordinates<Double> C = Coordinates.DOUBLE;

  @Test
  void bpOp1_hasTheFunctionsValueAndGradient() {
    // x sin x: derivative sin x + x cos x
    Op<T1<Double>, Double> op = BVars.bpOp1(x -> V.mul(x, V.sin(x)), D);
    double x = 0.7;
    ValueGrad<Double, T1<Double>> r = op.runOp(T1.of(x), D);
    assertThat(r.value()).isWithin(1e-15).of(x * Math.sin(x));
    assertThat(r.gradient().first()).isWithin(1e-15).of(Math.sin(x) + x * Math.cos(x));
    assertThat(op.gradOpWith(T1.of(x), 3.0).first())
        .isWithin(1e-14).of(3 * (Math.sin(x) + x * Math.cos(x)));
    GradientCheck.defaults().op("x sin x", op, T1.of(x), Coordinates.t1(C), C);
  }

  @Test
  void bpOp2_andBpOp3_passTheGradientCheck_andComposeWithOtherOps() {
    Op<T2<Double, Double>, Double> hypot2 = BVars.bpOp2((x, y) -> V.add(V.mul(x, x),
        V.mul(y, y)), D, D);
    GradientCheck.defaults().op("x^2 + y^2", hypot2, T2.of(1.5, -2.0), Coordinates.t2(C, C), C);
    // sqrt after it: the Euclidean norm, gradient (x, y) / norm
    Op<T2<Double, Double>, Double> norm = Op.compose(NumericOps.DOUBLE.sqrt(), hypot2);
    T2<Double, Double> g = norm.gradOp(T2.of(3.0, 4.0), D);
    assertThat(g.first()).isWithin(1e-15).of(0.6);
    assertThat(g.second()).isWithin(1e-15).of(0.8);
    Op<T3<Double, Double, Double>, Double> xyz = BVars.bpOp3((x, y, z) -> V.mul(V.mul(x, y), z),
        D, D, D);
    assertThat(xyz.gradOp(T3.of(2.0, 3.0, 5.0), D)).isEqualTo(T3.of(15.0, 10.0, 6.0));
  }

  @Test
  void bpOpN_givesEveryArgumentItsGradient_andLiftsBackIntoBVarCode() {
    // the product of any number of arguments
    Op<TN<Double>, Double> product = BVars.bpOpN(xs -> {
      BVar<Double> p = xs.get(0);
      for (int i = 1; i < xs.size(); i++) {
        p = V.mul(p, xs.get(i));
      }
      return p;
    }, D);
    assertThat(product.gradOp(TN.of(2.0, 3.0, 4.0), D).values())
        .containsExactly(12.0, 8.0, 6.0).inOrder();
    // used inside another BVar function: d/dx (x * x * 5) = 10 x
    double g = BVars.gradBP(x -> BVars.liftOpN(product, List.of(x, x,
        BVar.constant(5.0, D)), D), 3.0, D);
    assertThat(g).isEqualTo(30.0);
  }
}

package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.ops.NumericOps;
import dev.shapetorch.backprop.ops.NumericVars;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Running, lifting and the errors of {@link BVars}. */
class BVarsTest {
  private static final Backprop<Double> D = Backprop.DOUBLE;
  private static final NumericVars<Double> V = NumericVars.DOUBLE;

  @Test
  void backprop_xTimesSinX_givesValueAndDerivative() {
    ValueGrad<Double, Double> r = BVars.backprop(x -> V.mul(x, V.sin(x)), 2.0, D);
    assertThat(r.value()).isEqualTo(2 * Math.sin(2));
    assertThat(r.gradient()).isWithin(1e-15).of(Math.sin(2) + 2 * Math.cos(2));
  }

  @Test
  void variableUsedManyTimes_addsEveryContribution() {
    // x^3 built as x * x * x: 3x^2 = 12 at 2
    assertThat(BVars.gradBP(x -> V.mul(V.mul(x, x), x), 2.0, D)).isEqualTo(12.0);
    // a diamond: y = x + 1; z = y * y + y; dz/dx = 2y + 1 = 9 at x = 3
    assertThat(BVars.gradBP(x -> {
      BVar<Double> y = V.add(x, V.constant(1.0));
      return V.add(V.mul(y, y), y);
    }, 3.0, D)).isEqualTo(9.0);
  }

  @Test
  void evalBP_computesTheValueWithoutATape() {
    assertThat(BVars.<Double, Double>evalBP(x -> V.mul(x, V.exp(x)), 1.0)).isEqualTo(Math.E);
    assertThat(BVars.<Double, Double, Double>evalBP2((x, y) -> V.sub(x, y), 5.0, 7.0))
        .isEqualTo(-2.0);
    assertThat(BVars.<Double, Double>evalBPN(xs -> V.mul(xs.get(0), xs.get(2)),
        List.of(2.0, 3.0, 4.0))).isEqualTo(8.0);
  }

  @Test
  void evalBP_neverRunsABackwardOrBuildsVariables() {
    AtomicInteger backwardCalls = new AtomicInteger();
    Op<T1<Double>, Double> counted = Op.op1(x -> OpResult.of(x + 1, d -> {
      backwardCalls.incrementAndGet();
      return d;
    }));
    List<BVar<Double>> seen = new ArrayList<>();
    double value = BVars.<Double, Double>evalBP(x -> {
      BVar<Double> y = BVars.liftOp1(counted, x, D);
      seen.add(y);
      return y;
    }, 1.0);
    assertThat(value).isEqualTo(2.0);
    assertThat(seen.get(0).isConstant()).isTrue();
    assertThat(backwardCalls.get()).isEqualTo(0);
  }

  @Test
  void opsOnConstants_stayOffTheTape() {
    List<BVar<Double>> seen = new ArrayList<>();
    double g = BVars.gradBP(x -> {
      BVar<Double> c = V.exp(V.constant(1.0));
      BVar<Double> y = V.mul(x, c);
      seen.add(c);
      seen.add(y);
      return y;
    }, 5.0, D);
    assertThat(g).isEqualTo(Math.E);
    assertThat(seen.get(0).isConstant()).isTrue();
    assertThat(seen.get(1).isConstant()).isFalse();
  }

  @Test
  void constantResult_hasZeroGradient() {
    ValueGrad<Double, Double> r = BVars.backprop(x -> V.constant(4.0), 3.0, D);
    assertThat(r).isEqualTo(new ValueGrad<>(4.0, 0.0));
  }

  @Test
  void identity_gradientIsOne() {
    assertThat(BVars.gradBP(x -> x, 3.0, D)).isEqualTo(1.0);
    assertThat(BVars.gradBP(x -> x, new double[] {1, 2}, Backprop.DOUBLE_ARRAY))
        .isEqualTo(new double[] {1, 1});
  }

  @Test
  void backprop2_givesBothPartialDerivatives() {
    ValueGrad<Double, T2<Double, Double>> r =
        BVars.backprop2((x, y) -> V.mul(x, V.log(y)), 3.0, Math.E, D, D);
    assertThat(r.value()).isEqualTo(3.0);
    assertThat(r.gradient()).isEqualTo(T2.of(1.0, 3.0 / Math.E));
    assertThat(BVars.gradBP2((x, y) -> x, 3.0, 4.0, D, D)).isEqualTo(T2.of(1.0, 0.0));
  }

  @Test
  void backpropN_givesOnePartialPerArgument_unusedOnesZero() {
    ValueGrad<Double, List<Double>> r = BVars.backpropN(
        xs -> V.mul(xs.get(0), V.mul(xs.get(1), xs.get(1))), List.of(2.0, 3.0, 4.0), D);
    assertThat(r.value()).isEqualTo(18.0);
    assertThat(r.gradient()).containsExactly(9.0, 12.0, 0.0).inOrder();
    assertThat(BVars.gradBPN(xs -> xs.get(2), List.of(2.0, 3.0, 4.0), D))
        .containsExactly(0.0, 0.0, 1.0).inOrder();
  }

  @Test
  void backpropWith_usesTheGivenOutputGradient_repeatedly() {
    OpResult<Double, Double> r = BVars.backpropWith(x -> V.mul(x, x), 3.0, D);
    assertThat(r.value()).isEqualTo(9.0);
    assertThat(r.gradient(10.0)).isEqualTo(60.0);
    assertThat(r.gradient(-1.0)).isEqualTo(-6.0);
    OpResult<T2<Double, Double>, Double> r2 =
        BVars.backpropWith2((x, y) -> V.mul(x, y), 3.0, 5.0, D, D);
    assertThat(r2.gradient(2.0)).isEqualTo(T2.of(10.0, 6.0));
  }

  @Test
  void liftOp3_andLiftOpN_passGradientsToEveryInput() {
    Op<T3<Double, Double, Double>, Double> fma =
        Op.op3((a, b, c) -> OpResult.of(a * b + c, g -> T3.of(g * b, g * a, g)));
    assertThat(BVars.gradBPN(xs -> BVars.liftOp3(fma, xs.get(0), xs.get(1), xs.get(2), D),
        List.of(2.0, 3.0, 4.0), D)).containsExactly(3.0, 2.0, 1.0).inOrder();
    Op<TN<Double>, Double> product = xs -> {
      double p = 1;
      for (double x : xs.values()) {
        p *= x;
      }
      double total = p;
      return OpResult.of(total, g -> {
        List<Double> gs = new ArrayList<>();
        for (double x : xs.values()) {
          gs.add(g * total / x);
        }
        return new TN<>(gs);
      });
    };
    assertThat(BVars.gradBPN(xs -> BVars.liftOpN(product,
        List.of(xs.get(0), V.constant(10.0), xs.get(1)), D), List.of(2.0, 3.0), D))
        .containsExactly(30.0, 20.0).inOrder();
  }

  @Test
  void noGradOp_isFineWhenUnused_andThrowsWhenTheResultDependsOnIt() {
    Op<T1<Double>, Double> floor = Op.noGrad1("floor", Math::floor);
    assertThat(BVars.<Double, Double>evalBP(x -> BVars.liftOp1(floor, x, D), 2.5)).isEqualTo(2.0);
    assertThat(BVars.gradBP(x -> {
      BVars.liftOp1(floor, x, D);
      return V.mul(x, x);
    }, 2.5, D)).isEqualTo(5.0);
    NoGradientException e = assertThrows(NoGradientException.class,
        () -> BVars.gradBP(x -> V.mul(x, BVars.liftOp1(floor, x, D)), 2.5, D));
    assertThat(e.op()).isEqualTo("floor");
  }

  @Test
  void variableOfAnotherRun_isRejectedWithAClearMessage() {
    List<BVar<Double>> escaped = new ArrayList<>();
    BVars.gradBP(x -> {
      escaped.add(x);
      return x;
    }, 1.0, D);
    IllegalStateException closed = assertThrows(IllegalStateException.class,
        () -> V.sin(escaped.get(0)));
    assertThat(closed).hasMessageThat().startsWith("[backprop.tape.closed]");
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> BVars.gradBP(outer -> {
          BVars.gradBP(inner -> V.mul(inner, outer), 1.0, D);
          return outer;
        }, 1.0, D));
    assertThat(mixed).hasMessageThat().startsWith("[backprop.tape.mixed] BVars.liftOp2: the"
        + " inputs come from two different backprop runs");
  }

  @Test
  void returningAVariableOfAnotherRun_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BVars.gradBP(outer -> {
          BVars.gradBP(inner -> outer, 1.0, D);
          return outer;
        }, 1.0, D));
    assertThat(e).hasMessageThat()
        .startsWith("[backprop.tape.mixed] BVars.backprop: the function returned a BVar of");
  }

  @Test
  void functionReturningNull_isReported() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> BVars.<Double, Double>gradBP(x -> null, 1.0, D));
    assertThat(e).hasMessageThat().startsWith("[backprop.result.null] BVars.backprop");
  }

  @Test
  void floatVariables_differentiateWithFloatArithmetic() {
    NumericVars<Float> f = NumericVars.FLOAT;
    assertThat(BVars.gradBP(x -> f.mul(x, f.mul(x, x)), 2f, Backprop.FLOAT)).isEqualTo(12f);
  }

  @Test
  void numericVars_liftTheOpsOfTheSameName() {
    assertThat(V.ops()).isSameInstanceAs(NumericOps.DOUBLE);
    assertThat(BVars.gradBP(x -> V.div(V.constant(1.0), x), 2.0, D)).isEqualTo(-0.25);
    assertThat(BVars.gradBP(x -> V.pow(x, V.constant(3.0)), 2.0, D)).isWithin(1e-12).of(12.0);
  }
}

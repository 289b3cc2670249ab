package dev.shapetorch.backprop.testkit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.ops.NumericOps;
import dev.shapetorch.backprop.ops.TensorBackprop;
import dev.shapetorch.backprop.ops.TensorOps;
import dev.shapetorch.backprop.ops.TensorVars;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientCheck} passes correct gradients (numeric ops, tensor ops, whole functions) and
 * fails wrong ones with a message that names the op and every coordinate that differs; {@link
 * Coordinates} round-trip.
 */
class GradientCheckTest {
  private static final Coordinates<T1<Double>> ONE = Coordinates.t1(Coordinates.DOUBLE);
  private static final Coordinates<T2<Double, Double>> TWO =
      Coordinates.t2(Coordinates.DOUBLE, Coordinates.DOUBLE);

  @Test
  void correctGradients_pass() {
    NumericOps<Double> n = NumericOps.DOUBLE;
    GradientCheck check = GradientCheck.defaults();
    check.op("sin", n.sin(), T1.of(0.3), ONE, Coordinates.DOUBLE);
    check.op("mul", n.mul(), T2.of(3.0, -5.0), TWO, Coordinates.DOUBLE);
    check.op("pow", n.pow(), T2.of(1.5, 2.5), TWO, Coordinates.DOUBLE);
    check.function("x sin x", x -> BVars.liftOp2(n.mul(), x,
        BVars.liftOp1(n.sin(), x, Backprop.DOUBLE), Backprop.DOUBLE), 2.0, Backprop.DOUBLE,
        Coordinates.DOUBLE, Coordinates.DOUBLE);
  }

  @Test
  void tensorOps_passOnFloat64Tensors() {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(3);
      Tensor a = Torch.randn(new long[] {2, 3}, DType.FLOAT64);
      Tensor b = Torch.randn(new long[] {3, 4}, DType.FLOAT64);
      Coordinates<Tensor> t = Coordinates.tensor();
      GradientCheck.defaults().op("matmul", TensorOps.matmul(), T2.of(a, b),
          Coordinates.t2(t, t), t);
      GradientCheck.defaults().op("softmax", TensorOps.softmax(1), T1.of(a),
          Coordinates.t1(t), t);
      GradientCheck.defaults().function("mean tanh", x -> TensorVars.mean(TensorVars.tanh(x)),
          a, TensorBackprop.INSTANCE, t, t);
    }
  }

  @Test
  void wrongGradient_failsNamingTheOpAndTheCoordinate() {
    // d/dx sin x written as sin x instead of cos x; d/dy right
    Op<T2<Double, Double>, Double> wrong = Op.op2((x, y) -> OpResult.of(Math.sin(x) + y,
        g -> T2.of(g * Math.sin(x), g)));
    AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.defaults()
        .op("my sin", wrong, T2.of(0.5, 1.0), TWO, Coordinates.DOUBLE));
    assertThat(e).hasMessageThat().startsWith("GradientCheck.op: my sin: the gradient differs"
        + " from central finite differences at 1 of 2 input coordinates");
    assertThat(e).hasMessageThat().contains("): first: gradient ");
    assertThat(e).hasMessageThat().doesNotContain("second");
  }

  @Test
  void gradientOfTheWrongStructure_fails() {
    Op<T1<double[]>, Double> sum = Op.op1(x -> OpResult.of(x[0] + x[1],
        g -> new double[] {g}));
    AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.defaults()
        .op("sum", sum, T1.of(new double[] {1, 2}), Coordinates.t1(Coordinates.DOUBLE_ARRAY),
            Coordinates.DOUBLE));
    assertThat(e).hasMessageThat().contains("the gradient has 1 coordinates but the input has"
        + " 2");
  }

  @Test
  void optionsAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.defaults().withStep(0));
    assertThat(e).hasMessageThat().startsWith("GradientCheck.withStep: step is 0.0");
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.defaults().withTolerance(-1));
  }

  @Test
  void coordinates_roundTrip_andNameTheirParts() {
    Coordinates<T2<double[], List<Double>>> c = Coordinates.t2(Coordinates.DOUBLE_ARRAY,
        Coordinates.list(Coordinates.DOUBLE));
    T2<double[], List<Double>> v = T2.of(new double[] {1, 2}, List.of(3.0, 4.0, 5.0));
    assertThat(c.toArray(v)).isEqualTo(new double[] {1, 2, 3, 4, 5});
    T2<double[], List<Double>> back = c.fromArray(v, new double[] {6, 7, 8, 9, 10});
    assertThat(back.first()).isEqualTo(new double[] {6, 7});
    assertThat(back.second()).containsExactly(8.0, 9.0, 10.0).inOrder();
    assertThat(c.describe(v, 3)).isEqualTo("second[1]");
    assertThat(c.describe(v, 1)).isEqualTo("first[1]");
    assertThat(Coordinates.t2(Coordinates.DOUBLE, Coordinates.FLOAT).describe(T2.of(1.0, 2f), 1))
        .isEqualTo("second");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c.fromArray(v, new double[] {1}));
    assertThat(e).hasMessageThat().contains("got 1 coordinates for a value that has 5");
    try (TensorScope scope = TensorScope.open()) {
      Tensor t = Torch.randn(new long[] {2, 2}, DType.FLOAT32);
      Tensor u = Coordinates.tensor().fromArray(t, new double[] {1, 2, 3, 4});
      assertThat(u.shape()).isEqualTo(new long[] {2, 2});
      assertThat(u.dtype()).isEqualTo(DType.FLOAT32);
      assertThat(u.toDoubleArray()).isEqualTo(new double[] {1, 2, 3, 4});
      Tensor s = Coordinates.tensor().fromArray(Torch.scalarTensor(1.0, DType.FLOAT64),
          new double[] {7});
      assertThat(s.shape()).isEqualTo(new long[0]);
      assertThat(s.item()).isEqualTo(7.0);
    }
  }
}

package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static dev.shapetorch.backprop.ops.AutogradReference.assertClose;
import static dev.shapetorch.backprop.ops.AutogradReference.assertMatchesAutograd;
import static dev.shapetorch.backprop.ops.AutogradReference.positive;
import static dev.shapetorch.backprop.ops.AutogradReference.randn;

import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tensor {@link FloatingOps}: every op's value and gradient equal libtorch autograd's on the
 * same function, in float64, and agree elementwise with the double ops of {@link NumericOps}.
 */
class TensorFloatingOpsGradientTest {
  private static final TensorFloatingOps T = TensorFloatingOps.INSTANCE;
  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
    Torch.manualSeed(11);
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @Test
  void unaryOps_matchAutograd() {
    Tensor x = randn(3, 4);
    Tensor pos = positive(3, 4);
    Tensor unit = Torch.rand(new long[] {3, 4}, DType.FLOAT64).mul(1.6).sub(0.8);
    Tensor aboveOne = positive(3, 4).add(1.0);
    unary("abs", T.abs(), x, Torch::abs);
    unary("signum", T.signum(), x, t -> Torch.sign(t));
    unary("recip", T.recip(), pos, Torch::reciprocal);
    unary("sqrt", T.sqrt(), pos, Torch::sqrt);
    unary("sin", T.sin(), x, Torch::sin);
    unary("cos", T.cos(), x, Torch::cos);
    unary("tan", T.tan(), unit, Torch::tan);
    unary("asin", T.asin(), unit, Torch::asin);
    unary("acos", T.acos(), unit, Torch::acos);
    unary("atan", T.atan(), x, Torch::atan);
    unary("sinh", T.sinh(), x, Torch::sinh);
    unary("cosh", T.cosh(), x, Torch::cosh);
    unary("asinh", T.asinh(), x,
        t -> Torch.log(t.add(Torch.sqrt(t.mul(t).add(1.0)))));
    unary("acosh", T.acosh(), aboveOne,
        t -> Torch.log(t.add(Torch.sqrt(t.mul(t).sub(1.0)))));
    unary("atanh", T.atanh(), unit,
        t -> Torch.log(t.add(1.0).div(t.neg().add(1.0))).mul(0.5));
    unary("negate", T.negate(), x, Tensor::neg);
    unary("exp", T.exp(), x, Torch::exp);
    unary("log", T.log(), pos, Torch::log);
    unary("tanh", T.tanh(), x, Torch::tanh);
  }

  @Test
  void binaryOps_broadcastAndMatchAutograd() {
    long[][][] pairs = {{{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{}, {2, 3}}, {{2, 1}, {1, 3}}};
    for (long[][] p : pairs) {
      String shapes = java.util.Arrays.toString(p[0]) + " and " + java.util.Arrays.toString(p[1]);
      assertMatchesAutograd("pow of " + shapes, T.pow(), T2.of(positive(p[0]), randn(p[1])),
          in -> Torch.pow(in.get(0), in.get(1)));
      assertMatchesAutograd("logBase of " + shapes, T.logBase(),
          T2.of(positive(p[0]).add(1.0), positive(p[1])),
          in -> Torch.log(in.get(1)).div(Torch.log(in.get(0))));
      assertMatchesAutograd("add of " + shapes, T.add(), T2.of(randn(p[0]), randn(p[1])),
          in -> in.get(0).add(in.get(1)));
      assertMatchesAutograd("div of " + shapes, T.div(), T2.of(randn(p[0]), positive(p[1])),
          in -> in.get(0).div(in.get(1)));
    }
  }

  @Test
  void everyOp_agreesElementwiseWithTheDoubleOps() {
    NumericOps<Double> d = NumericOps.DOUBLE;
    double[] xs = {0.1, 0.45, 0.7};
    Tensor x = Torch.fromArray(xs, xs.length);
    Tensor aboveOne = x.add(1.5);
    check("abs", T.abs(), d.abs(), x);
    check("signum", T.signum(), d.signum(), x);
    check("recip", T.recip(), d.recip(), x);
    check("sqrt", T.sqrt(), d.sqrt(), x);
    check("sin", T.sin(), d.sin(), x);
    check("cos", T.cos(), d.cos(), x);
    check("tan", T.tan(), d.tan(), x);
    check("asin", T.asin(), d.asin(), x);
    check("acos", T.acos(), d.acos(), x);
    check("atan", T.atan(), d.atan(), x);
    check("sinh", T.sinh(), d.sinh(), x);
    check("cosh", T.cosh(), d.cosh(), x);
    check("asinh", T.asinh(), d.asinh(), x.neg());
    check("acosh", T.acosh(), d.acosh(), aboveOne);
    check("atanh", T.atanh(), d.atanh(), x);
    assertThat(T.fromDouble(2.5).item()).isEqualTo(2.5);
    assertThat(T.fromDouble(2.5).shape()).isEqualTo(new long[0]);
    assertThat(T.fromDouble(2.5).dtype()).isEqualTo(DType.FLOAT64);
  }

  private static void unary(String name, Op<T1<Tensor>, Tensor> op, Tensor x,
      UnaryOperator<Tensor> reference) {
    assertMatchesAutograd(name, op, T1.of(x), in -> reference.apply(in.get(0)));
  }

  private static void check(String name, Op<T1<Tensor>, Tensor> tensorOp,
      Op<T1<Double>, Double> doubleOp, Tensor x) {
    double[] xs = x.toDoubleArray();
    double[] expectedValues = new double[xs.length];
    double[] expectedGrads = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      expectedValues[i] = doubleOp.evalOp(T1.of(xs[i]));
      expectedGrads[i] = doubleOp.gradOp(T1.of(xs[i]), Backprop.DOUBLE).first();
    }
    assertClose(name + " value", tensorOp.evalOp(T1.of(x)),
        Torch.fromArray(expectedValues, xs.length));
    assertClose(name + " gradient",
        tensorOp.gradOp(T1.of(x), TensorBackprop.INSTANCE).first(),
        Torch.fromArray(expectedGrads, xs.length));
  }
}

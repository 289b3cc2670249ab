package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static dev.shapetorch.backprop.ops.AutogradReference.assertClose;
import static dev.shapetorch.backprop.ops.AutogradReference.randn;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.TN;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AutogradOp}: ops whose gradient libtorch autograd computes. */
class AutogradOpTest {
  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
    Torch.manualSeed(3);
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @Test
  void of2Matmul_agreesWithTheWrittenOutGradient() {
    T2<Tensor, Tensor> ab = T2.of(randn(3, 4), randn(4, 2));
    Tensor g = randn(3, 2);
    T2<Tensor, Tensor> byAutograd = AutogradOp.of2(Torch::matmul).gradOpWith(ab, g);
    T2<Tensor, Tensor> byHand = TensorOps.matmul().gradOpWith(ab, g);
    assertClose("d/da", byAutograd.first(), byHand.first());
    assertClose("d/db", byAutograd.second(), byHand.second());
    T2<Tensor, Tensor> viaPair =
        AutogradOp.of((T2<Tensor, Tensor> p) -> p.first().matmul(p.second())).gradOpWith(ab, g);
    assertClose("d/da through of", viaPair.first(), byHand.first());
  }

  @Test
  void of1Softplus_hasTheSigmoidAsDerivative_andLiftsOntoBVars() {
    Op<T1<Tensor>, Tensor> softplus = AutogradOp.of1(x -> x.exp().add(1.0).log());
    Tensor x = randn(5);
    Tensor g = BVars.gradBP(v -> TensorVars.sum(BVars.liftOp1(softplus, v,
        TensorBackprop.INSTANCE)), x, TensorBackprop.INSTANCE);
    assertClose("gradient", g, x.sigmoid());
  }

  @Test
  void continuation_runsRepeatedlyWithoutAccumulating() {
    OpResult<T1<Tensor>, Tensor> r = AutogradOp.of1(x -> x.mul(x)).run(T1.of(randn(3)));
    Tensor ones = Torch.onesLike(r.value());
    Tensor first = r.gradient(ones).first();
    Tensor second = r.gradient(ones).first();
    assertClose("second call", second, first);
    assertClose("scaled call", r.gradient(ones.mul(3.0)).first(), first.mul(3.0));
  }

  @Test
  void ofN_inputTheFunctionIgnores_getsZeros() {
    Tensor a = randn(2);
    Tensor b = randn(2);
    TN<Tensor> grads = AutogradOp.ofN((List<Tensor> xs) -> xs.get(0).mul(2.0))
        .gradOpWith(TN.of(a, b), Torch.onesLike(a));
    assertThat(grads.at(0).toDoubleArray()).isEqualTo(new double[] {2, 2});
    assertThat(grads.at(1).toDoubleArray()).isEqualTo(new double[] {0, 0});
  }

  @Test
  void callersTensors_areNotModified() {
    Tensor x = randn(2);
    BVar<Tensor> unused = BVar.constant(x, TensorBackprop.INSTANCE);
    AutogradOp.of1(t -> t.mul(2.0)).runOp(T1.of(unused.value()), TensorBackprop.INSTANCE);
    assertThat(x.requiresGrad()).isFalse();
    assertThat(x.grad()).isNull();
  }

  @Test
  void insideNoGrad_isRefusedWithAClearMessage() {
    try (var ng = Torch.noGrad()) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> AutogradOp.of1(t -> t.mul(2.0)).evalOp(T1.of(randn(2))));
      assertThat(e).hasMessageThat().contains("Torch.noGrad()");
    }
  }
}

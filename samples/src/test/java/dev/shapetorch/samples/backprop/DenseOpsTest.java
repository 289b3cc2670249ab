package dev.shapetorch.samples.backprop;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.backprop.ValueGrad;
import dev.shapetorch.backprop.testkit.Coordinates;
import dev.shapetorch.backprop.testkit.GradientCheck;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's hand-written ops and its whole loss have the gradients of their values: central
 * finite differences in float64 agree with the backward continuations.
 */
class DenseOpsTest {

  private TensorScope scope;

  @BeforeEach
  void open() {
    scope = TensorScope.open();
    Torch.manualSeed(3);
  }

  @AfterEach
  void close() {
    scope.close();
  }

  private static Tensor randn(long... shape) {
    return Torch.randn(shape, DType.FLOAT64);
  }

  @Test
  void dense_gradientMatchesFiniteDifferences() {
    Coordinates<Tensor> t = Coordinates.tensor();
    GradientCheck.defaults().op("DENSE", DenseOps.DENSE,
        T3.of(randn(4, 3), randn(2, 3), randn(2)), Coordinates.t3(t, t, t), t);
  }

  @Test
  void leakyRelu_gradientMatchesFiniteDifferences_onBothSides() {
    Tensor x = Torch.tensor(new double[] {-2.0, -0.5, 0.3, 1.7}).to(DType.FLOAT64);
    GradientCheck.defaults().op("LEAKY_RELU", DenseOps.LEAKY_RELU, T1.of(x),
        Coordinates.t1(Coordinates.tensor()), Coordinates.tensor());
    Tensor g = BVars.gradBP(v -> dev.shapetorch.backprop.ops.TensorVars.sum(
        DenseOps.leakyRelu(v)), x, dev.shapetorch.backprop.ops.TensorBackprop.INSTANCE);
    assertThat(g.toDoubleArray()).usingExactEquality()
        .containsExactly(DenseOps.SLOPE, DenseOps.SLOPE, 1.0, 1.0).inOrder();
  }

  @Test
  void loss_gradientIsAnMlpParamsOfGradients_matchingFiniteDifferences() {
    MlpParams params = new MlpParams(new Dense(randn(3, 784), randn(3)),
        new Dense(randn(10, 3), randn(10)));
    Tensor images = Torch.rand(new long[] {5, 784}, DType.FLOAT64);
    Tensor labels = Torch.tensor(new long[] {0, 3, 9, 3, 7});
    Coordinates<MlpParams> coordinates = Coordinates.of(p -> {
      List<Double> all = new ArrayList<>();
      for (Tensor tensor : p.tensors()) {
        for (double v : tensor.toDoubleArray()) {
          all.add(v);
        }
      }
      return all.stream().mapToDouble(Double::doubleValue).toArray();
    }, (like, c) -> {
      List<Tensor> out = new ArrayList<>();
      int at = 0;
      for (Tensor tensor : like.tensors()) {
        int n = (int) tensor.numel();
        out.add(Torch.fromArray(java.util.Arrays.copyOfRange(c, at, at + n), tensor.shape()));
        at += n;
      }
      return new MlpParams(new Dense(out.get(0), out.get(1)), new Dense(out.get(2), out.get(3)));
    });
    GradientCheck.defaults().function("BackpropMlp.loss",
        p -> BackpropMlp.loss(p, images, labels), params, MlpParamsBackprop.INSTANCE,
        coordinates, Coordinates.tensor());

    ValueGrad<Tensor, MlpParams> r = BVars.backprop(p -> BackpropMlp.loss(p, images, labels),
        params, MlpParamsBackprop.INSTANCE);
    assertThat(r.gradient().hidden().weight().shape()).isEqualTo(new long[] {3, 784});
    assertThat(r.gradient().output().bias().shape()).isEqualTo(new long[] {10});
  }
}

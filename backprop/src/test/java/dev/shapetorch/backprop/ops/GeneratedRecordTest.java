package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static dev.shapetorch.backprop.ops.AutogradReference.assertClose;
import static dev.shapetorch.backprop.ops.AutogradReference.randn;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.BackpropRecord;
import dev.shapetorch.backprop.ValueGrad;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records whose algebra and lenses the {@link BackpropRecord} processor generates: a model made
 * of layers differentiates as one value, field by field.
 */
class GeneratedRecordTest {
  /** A dense layer's parameters. */
  @BackpropRecord
  record Layer(Tensor weight, Tensor bias) {}

  /** Two layers: the generated algebra nests the layers' generated algebras. */
  @BackpropRecord
  record Mlp(Layer hidden, Layer output) {}

  /** Components of every other supported kind. */
  @BackpropRecord
  record Mixed(double scale, float[] weights, List<Double> offsets) {}

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
    Torch.manualSeed(5);
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  private static BVar<Tensor> dense(BVar<Layer> layer, BVar<Tensor> x) {
    TensorBackprop t = TensorBackprop.INSTANCE;
    return TensorVars.linear(x, layer.view(GeneratedRecordTest_LayerBackprop.weight(), t),
        layer.view(GeneratedRecordTest_LayerBackprop.bias(), t));
  }

  @Test
  void mlpRecord_gradientIsAnMlpOfGradients_matchingAutograd() {
    Tensor x = randn(6, 4);
    Tensor y = Torch.randint(0, 3, 6);
    Mlp net = new Mlp(new Layer(randn(5, 4), randn(5)), new Layer(randn(3, 5), randn(3)));
    ValueGrad<Tensor, Mlp> r = BVars.backprop(m -> {
      BVar<Layer> hidden = m.view(GeneratedRecordTest_MlpBackprop.hidden(),
          GeneratedRecordTest_LayerBackprop.INSTANCE);
      BVar<Layer> output = m.view(GeneratedRecordTest_MlpBackprop.output(),
          GeneratedRecordTest_LayerBackprop.INSTANCE);
      BVar<Tensor> h = TensorVars.tanh(dense(hidden, TensorVars.constant(x)));
      return TensorVars.crossEntropy(dense(output, h), y);
    }, net, GeneratedRecordTest_MlpBackprop.INSTANCE);

    List<Tensor> leaves = List.of(net.hidden().weight(), net.hidden().bias(),
        net.output().weight(), net.output().bias()).stream()
        .map(t -> t.detach().requiresGrad_(true)).toList();
    Tensor h = x.matmul(leaves.get(0).t()).add(leaves.get(1)).tanh();
    Tensor logits = h.matmul(leaves.get(2).t()).add(leaves.get(3));
    Tensor expected = logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
    expected.backward();
    assertClose("loss", r.value(), expected.detach());
    assertClose("hidden.weight", r.gradient().hidden().weight(), leaves.get(0).grad());
    assertClose("hidden.bias", r.gradient().hidden().bias(), leaves.get(1).grad());
    assertClose("output.weight", r.gradient().output().weight(), leaves.get(2).grad());
    assertClose("output.bias", r.gradient().output().bias(), leaves.get(3).grad());
  }

  @Test
  void generatedAlgebra_worksComponentwise_withTheComponentsOwnAlgebras() {
    Backprop<Mixed> m = GeneratedRecordTest_MixedBackprop.INSTANCE;
    Mixed a = new Mixed(2.0, new float[] {1f, 2f}, List.of(1.0));
    Mixed b = new Mixed(3.0, new float[] {10f}, List.of(5.0, 6.0));
    Mixed sum = m.add(a, b);
    assertThat(sum.scale()).isEqualTo(5.0);
    assertThat(sum.weights()).isEqualTo(new float[] {11f, 2f});
    assertThat(sum.offsets()).containsExactly(6.0, 6.0).inOrder();
    Mixed zero = m.zero(a);
    assertThat(zero.scale()).isEqualTo(0.0);
    assertThat(zero.weights()).isEqualTo(new float[] {0f, 0f});
    assertThat(zero.offsets()).containsExactly(0.0);
    Mixed one = m.one(b);
    assertThat(one.weights()).isEqualTo(new float[] {1f});
    assertThat(one.offsets()).containsExactly(1.0, 1.0).inOrder();
    assertThat(GeneratedRecordTest_MixedBackprop.scale().set(a, 9.0).weights())
        .isSameInstanceAs(a.weights());
  }
}

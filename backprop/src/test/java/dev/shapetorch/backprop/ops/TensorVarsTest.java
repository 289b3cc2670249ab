package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static dev.shapetorch.backprop.ops.AutogradReference.assertClose;
import static dev.shapetorch.backprop.ops.AutogradReference.randn;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.ValueGrad;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole functions of {@code BVar<Tensor>}s, and the errors the ops raise. */
class TensorVarsTest {
  private static final TensorBackprop T = TensorBackprop.INSTANCE;
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

  /** A two-layer network's loss on a batch: linear, tanh, linear, relu, logSoftmax, NLL. */
  private static BVar<Tensor> loss(List<BVar<Tensor>> p, Tensor x, Tensor y) {
    BVar<Tensor> h = TensorVars.tanh(TensorVars.linear(TensorVars.constant(x), p.get(0),
        p.get(1)));
    BVar<Tensor> logits = TensorVars.relu(TensorVars.linear(h, p.get(2), p.get(3)));
    return TensorVars.crossEntropy(logits, y);
  }

  @Test
  void twoLayerNetwork_gradientsOfEveryParameter_matchAutograd() {
    Tensor x = randn(8, 5);
    Tensor y = Torch.randint(0, 3, 8);
    List<Tensor> params = List.of(randn(4, 5), randn(4), randn(3, 4), randn(3));
    ValueGrad<Tensor, List<Tensor>> r = BVars.backpropN(p -> loss(p, x, y), params, T);

    List<Tensor> leaves = params.stream().map(t -> t.detach().requiresGrad_(true)).toList();
    Tensor h = x.matmul(leaves.get(0).t()).add(leaves.get(1)).tanh();
    Tensor logits = h.matmul(leaves.get(2).t()).add(leaves.get(3)).relu();
    Tensor expected = logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
    expected.backward();
    assertClose("loss", r.value(), expected.detach());
    for (int i = 0; i < params.size(); i++) {
      assertClose("parameter " + i, r.gradient().get(i), leaves.get(i).grad());
    }
  }

  @Test
  void parameterUsedTwice_addsBothContributions() {
    Tensor w = randn(3, 3);
    Tensor g = BVars.gradBP(v -> TensorVars.sum(TensorVars.mul(TensorVars.matmul(v, v), v)),
        w, T);
    Tensor leaf = w.detach().requiresGrad_(true);
    leaf.matmul(leaf).mul(leaf).sum().backward();
    assertClose("gradient", g, leaf.grad());
  }

  @Test
  void opsOnConstantTensors_stayConstant() {
    BVar<Tensor> c = TensorVars.exp(TensorVars.constant(Torch.zeros(2)));
    assertThat(c.isConstant()).isTrue();
    assertThat(c.value().toFloatArray()).isEqualTo(new float[] {1f, 1f});
  }

  @Test
  void unusedParameter_getsZerosOfItsShape() {
    List<Tensor> g = BVars.gradBPN(p -> TensorVars.sum(p.get(0)),
        List.of(Torch.ones(2, 2), Torch.ones(3)), T);
    assertThat(g.get(1).shape()).isEqualTo(new long[] {3});
    assertThat(g.get(1).toFloatArray()).isEqualTo(new float[] {0f, 0f, 0f});
    assertThat(g.get(0).toFloatArray()).isEqualTo(new float[] {1f, 1f, 1f, 1f});
  }

  @Test
  void matmulMismatch_throwsTheRulesMessage() {
    ShapeException e = assertThrows(ShapeException.class, () -> BVars.gradBP(
        w -> TensorVars.sum(TensorVars.matmul(TensorVars.constant(Torch.zeros(64, 784)), w)),
        Torch.zeros(128, 10), T));
    assertThat(e).hasMessageThat().startsWith("[shape.mismatch.matmul]");
    assertThat(e).hasMessageThat().contains("[64, 784]");
    assertThat(e).hasMessageThat().contains("[128, 10]");
  }

  @Test
  void mseLossOfColumnAgainstVector_isAShapeErrorNotASilentBroadcast() {
    ShapeException e = assertThrows(ShapeException.class, () -> BVars.gradBP(
        x -> TensorVars.mseLoss(x, TensorVars.constant(Torch.zeros(4))), Torch.zeros(4, 1), T));
    assertThat(e).hasMessageThat().startsWith("[shape.");
    assertThat(e).hasMessageThat().contains("TensorOps.mseLoss");
  }

  @Test
  void crossEntropy_wrongTargetCountOrDtype_isReported() {
    ShapeException shape = assertThrows(ShapeException.class, () -> BVars.gradBP(
        x -> TensorVars.crossEntropy(x, Torch.zeros(new long[] {6}, DType.INT64)),
        Torch.zeros(5, 4), T));
    assertThat(shape).hasMessageThat().startsWith("[shape.");
    assertThat(shape).hasMessageThat().contains("TensorOps.crossEntropy");
    IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class,
        () -> BVars.gradBP(x -> TensorVars.crossEntropy(x, Torch.zeros(5)), Torch.zeros(5, 4),
            T));
    assertThat(dtype).hasMessageThat().contains("int64");
  }

  @Test
  void smallConvNet_conv_relu_pool_reshape_linear_gradientsMatchAutograd() {
    long[] one = {1, 1};
    long[] zero = {0, 0};
    long[] two = {2, 2};
    Tensor x = randn(3, 1, 8, 8);
    Tensor y = Torch.randint(0, 4, 3);
    List<Tensor> params = List.of(randn(2, 1, 3, 3), randn(2), randn(4, 2 * 3 * 3), randn(4));
    List<Tensor> grads = BVars.gradBPN(p -> {
      BVar<Tensor> c = TensorVars.relu(TensorVars.conv2d(TensorVars.constant(x), p.get(0),
          p.get(1), one, zero, one, 1));
      BVar<Tensor> pooled = TensorVars.maxPool2d(c, two, two, zero, one, false);
      BVar<Tensor> flat = TensorVars.reshape(pooled, 3, -1);
      return TensorVars.crossEntropy(TensorVars.linear(flat, p.get(2), p.get(3)), y);
    }, params, T);

    List<Tensor> leaves = params.stream().map(t -> t.detach().requiresGrad_(true)).toList();
    Tensor c = Torch.conv2d(x, leaves.get(0), leaves.get(1), one, zero, one, 1).relu();
    Tensor flat = Torch.maxPool2d(c, two, two, zero, one, false).reshape(3, -1);
    Tensor logits = flat.matmul(leaves.get(2).t()).add(leaves.get(3));
    logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg().backward();
    for (int i = 0; i < params.size(); i++) {
      assertClose("parameter " + i, grads.get(i), leaves.get(i).grad());
    }
  }
}

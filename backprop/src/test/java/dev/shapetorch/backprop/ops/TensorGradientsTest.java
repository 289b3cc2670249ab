package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backprop gradients reaching parameters: into {@code .grad()} and as an SGD step. */
class TensorGradientsTest {
  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @Test
  void accumulateGrad_createsThenAddsToGrad_likeBackward() {
    Tensor w = Torch.tensor(1f, 2f).requiresGrad_(true);
    Tensor g = BVars.gradBP(v -> TensorVars.sum(TensorVars.mul(v, v)), w.detach(),
        TensorBackprop.INSTANCE);
    TensorGradients.accumulateGrad(w, g);
    assertThat(w.grad().toFloatArray()).isEqualTo(new float[] {2f, 4f});
    TensorGradients.accumulateGrad(List.of(w), List.of(g));
    assertThat(w.grad().toFloatArray()).isEqualTo(new float[] {4f, 8f});
    assertThat(w.toFloatArray()).isEqualTo(new float[] {1f, 2f});
  }

  @Test
  void accumulateGrad_refusesParametersWithoutGradAndWrongShapes() {
    IllegalArgumentException noGrad = assertThrows(IllegalArgumentException.class,
        () -> TensorGradients.accumulateGrad(Torch.zeros(2), Torch.ones(2)));
    assertThat(noGrad).hasMessageThat().contains("requiresGrad_(true)");
    ShapeException shape = assertThrows(ShapeException.class,
        () -> TensorGradients.accumulateGrad(Torch.zeros(2, 1).requiresGrad_(true),
            Torch.ones(2)));
    assertThat(shape).hasMessageThat().contains("TensorGradients.accumulateGrad");
    assertThrows(IllegalArgumentException.class,
        () -> TensorGradients.accumulateGrad(List.of(Torch.zeros(2)), List.of()));
  }

  @Test
  void sgdStep_subtractsTheScaledGradientInPlace() {
    Tensor w = Torch.tensor(1f, 2f);
    Tensor b = Torch.tensor(3f);
    TensorGradients.sgdStep(List.of(w, b), List.of(Torch.tensor(10f, 20f), Torch.tensor(-4f)),
        0.5);
    assertThat(w.toFloatArray()).isEqualTo(new float[] {-4f, -8f});
    assertThat(b.toFloatArray()).isEqualTo(new float[] {5f});
  }

  private static BVar<Tensor> loss(List<BVar<Tensor>> p, Tensor x, Tensor y) {
    return TensorVars.mseLoss(TensorVars.tanh(TensorVars.linear(TensorVars.constant(x),
        p.get(0), p.get(1))), TensorVars.constant(y));
  }

  @Test
  void adamFedByBackprop_takesTheSameStepsAsAdamFedByAutograd() {
    Torch.manualSeed(1);
    Tensor x = Torch.randn(8, 3);
    Tensor y = Torch.randn(8, 2);
    Tensor w = Torch.randn(2, 3);
    Tensor b = Torch.randn(2);
    List<Parameter> viaBackprop = List.of(new Parameter(w.clone()), new Parameter(b.clone()));
    List<Parameter> viaAutograd = List.of(new Parameter(w.clone()), new Parameter(b.clone()));
    Adam first = new Adam(viaBackprop, AdamOptions.lr(0.1));
    Adam second = new Adam(viaAutograd, AdamOptions.lr(0.1));
    for (int step = 0; step < 3; step++) {
      first.zeroGrad();
      List<Tensor> grads = BVars.gradBPN(p -> loss(p, x, y),
          TensorGradients.values(viaBackprop), TensorBackprop.INSTANCE);
      TensorGradients.accumulateParameterGrads(viaBackprop, grads);
      first.step();

      second.zeroGrad();
      Tensor out = Torch.linear(x, viaAutograd.get(0).get(), viaAutograd.get(1).get()).tanh();
      out.sub(y).pow(2.0).mean().backward();
      second.step();
    }
    for (int i = 0; i < 2; i++) {
      double diff = viaBackprop.get(i).get().sub(viaAutograd.get(i).get()).abs().max().item();
      assertThat(diff).isLessThan(1e-6);
    }
    assertThat(viaBackprop.get(0).get().sub(w).abs().max().item()).isGreaterThan(0.1);
  }
}

package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static dev.shapetorch.backprop.ops.AutogradReference.assertClose;
import static dev.shapetorch.backprop.ops.AutogradReference.assertMatchesAutograd;
import static dev.shapetorch.backprop.ops.AutogradReference.randn;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The options of average pooling ({@code ceilMode}, {@code countIncludePad}, a divisor
 * override) and batch normalisation's two modes (evaluation with the running statistics, left
 * unchanged; training, which updates them with PyTorch's momentum rule): values and gradients
 * equal libtorch autograd's in float64.
 */
class PoolingAndBatchNormModesTest {
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
  void avgPool2d_ceilMode_countIncludePad_andDivisorOverride_matchAutograd() {
    // kernel, stride, padding; on a 6 x 7 input ceilMode adds a last, clipped window along a
    // side in the first three cases; in the fourth that window would start in the padding, so
    // ATen drops it; the fifth divides evenly
    long[][][] cases = {
      {{2, 2}, {2, 2}, {0, 0}}, {{3, 3}, {2, 2}, {1, 1}}, {{3, 2}, {2, 3}, {1, 0}},
      {{2, 2}, {2, 2}, {1, 1}}, {{2, 3}, {1, 2}, {0, 1}}
    };
    int grewWithCeil = 0;
    for (long[][] c : cases) {
      for (boolean ceil : new boolean[] {false, true}) {
        for (boolean countPad : new boolean[] {true, false}) {
          for (long divisor : new long[] {0, 5}) {
            String what = "avgPool2d kernel " + Arrays.toString(c[0]) + " stride "
                + Arrays.toString(c[1]) + " padding " + Arrays.toString(c[2]) + " ceilMode "
                + ceil + " countIncludePad " + countPad + " divisor " + divisor;
            var op = TensorOps.avgPool2d(c[0], c[1], c[2], ceil, countPad, divisor);
            for (long[] shape : new long[][] {{2, 3, 6, 7}, {2, 5, 5}}) {
              assertMatchesAutograd(what + " on " + Arrays.toString(shape), op,
                  T1.of(randn(shape)), in -> Torch.avgPool2d(in.get(0), c[0], c[1], c[2], ceil,
                      countPad, divisor));
            }
          }
        }
      }
      Tensor x = randn(1, 1, 6, 7);
      long[] floor = TensorOps.avgPool2d(c[0], c[1], c[2], false, true, 0).evalOp(T1.of(x))
          .shape();
      long[] rounded = TensorOps.avgPool2d(c[0], c[1], c[2], true, true, 0).evalOp(T1.of(x))
          .shape();
      grewWithCeil += Arrays.equals(floor, rounded) ? 0 : 1;
    }
    assertThat(grewWithCeil).isEqualTo(3);
  }

  @Test
  void avgPool2d_bVarForm_roundsUpWithCeilMode() {
    Tensor x = randn(2, 3, 7, 7);
    var r = BVars.backprop(v -> TensorVars.sum(TensorVars.avgPool2d(v, new long[] {2, 2},
        new long[] {2, 2}, new long[] {0, 0}, true, false, 0)), x, TensorBackprop.INSTANCE);
    Tensor leaf = x.detach().requiresGrad_(true);
    Tensor expected = Torch.avgPool2d(leaf, new long[] {2, 2}, new long[] {2, 2},
        new long[] {0, 0}, true, false, 0);
    assertThat(expected.shape()).isEqualTo(new long[] {2, 3, 4, 4});
    expected.sum().backward();
    assertClose("sum of the pooled values", r.value(), expected.sum().detach());
    // the last row and column of the input sit alone in their windows: gradient 1, not 1/4
    assertClose("gradient", r.gradient(), leaf.grad());
    assertThat(r.gradient().select(2, 6).select(2, 6).min().item()).isEqualTo(1.0);
  }

  @Test
  void avgPool2d_negativeDivisor_isRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorOps.avgPool2d(new long[] {2, 2}, new long[] {2, 2}, new long[] {0, 0},
            false, true, -2));
    assertThat(e).hasMessageThat().startsWith("TensorOps.avgPool2d: divisorOverride is -2;");
  }

  @Test
  void batchNorm_evaluationMode_matchesAutograd_andLeavesTheRunningStatistics() {
    for (long[] shape : new long[][] {{4, 3}, {4, 3, 5}, {2, 3, 4, 5}}) {
      Tensor mean = randn(3);
      Tensor var = AutogradReference.positive(3);
      Tensor meanBefore = mean.clone();
      Tensor varBefore = var.clone();
      assertMatchesAutograd("batchNorm eval " + Arrays.toString(shape),
          TensorOps.batchNorm(mean, var, false, 0.1, 1e-5), T3.of(randn(shape), randn(3),
              randn(3)),
          in -> Torch.batchNorm(in.get(0), in.get(1), in.get(2), mean, var, false, 0.1, 1e-5));
      assertClose("running mean after evaluation", mean, meanBefore);
      assertClose("running variance after evaluation", var, varBefore);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorOps.batchNorm(randn(3), null, false, 0.1, 1e-5));
    assertThat(e).hasMessageThat().startsWith("TensorOps.batchNorm: evaluation mode normalises"
        + " with the running statistics, but runningMean is given and runningVar is null");
  }

  @Test
  void batchNorm_trainingThenEvaluation_followsPyTorchsRunningStatistics() {
    // three training steps with momentum 0.3 update the running statistics as libtorch does
    // (unbiased batch variance), then evaluation normalises with them
    Tensor mean = Torch.zeros(new long[] {3}, DType.FLOAT64);
    Tensor var = Torch.ones(new long[] {3}, DType.FLOAT64);
    Tensor expectedMean = mean.clone();
    Tensor expectedVar = var.clone();
    Tensor w = randn(3);
    Tensor b = randn(3);
    for (int step = 0; step < 3; step++) {
      Tensor x = randn(6, 3, 2).mul(step + 1).add(step);
      List<Tensor> g = BVars.gradBPN(p -> TensorVars.sum(TensorVars.batchNorm(
          TensorVars.constant(x), p.get(0), p.get(1), mean, var, true, 0.3, 1e-5)),
          List.of(w, b), TensorBackprop.INSTANCE);
      assertThat(g).hasSize(2);
      Torch.batchNorm(x, w, b, expectedMean, expectedVar, true, 0.3, 1e-5);
      assertClose("running mean after step " + step, mean, expectedMean);
      assertClose("running variance after step " + step, var, expectedVar);
    }
    Tensor x = randn(5, 3, 2);
    Tensor evaluated = BVars.evalBP(v -> TensorVars.batchNorm(v, TensorVars.constant(w),
        TensorVars.constant(b), mean, var, false, 0.3, 1e-5), x);
    assertClose("evaluation with the running statistics", evaluated,
        x.sub(mean.reshape(1, 3, 1)).div(var.add(1e-5).sqrt().reshape(1, 3, 1))
            .mul(w.reshape(1, 3, 1)).add(b.reshape(1, 3, 1)));
  }
}

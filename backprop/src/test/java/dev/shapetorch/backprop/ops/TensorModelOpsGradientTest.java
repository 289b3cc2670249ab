package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static dev.shapetorch.backprop.ops.AutogradReference.assertClose;
import static dev.shapetorch.backprop.ops.AutogradReference.assertMatchesAutograd;
import static dev.shapetorch.backprop.ops.AutogradReference.randn;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.backprop.TN;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tensor ops for models beyond the MLP: sum and mean over several dimensions, {@code cat},
 * {@code narrow}, {@code embedding}, {@code conv1d}, {@code layerNorm}, {@code batchNorm},
 * cross-entropy with its options, average and adaptive average pooling: every value and gradient
 * equals libtorch autograd's on the same function, in float64 (and {@code batchNorm} updates the
 * running statistics as libtorch does); and {@code dropout}'s mask, scale and gradient.
 */
class TensorModelOpsGradientTest {
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

  @Test
  void sumAndMeanOverSeveralDims_withAndWithoutKeepdim_matchAutograd() {
    Tensor x = randn(2, 3, 4, 5);
    int[][] dimSets = {{1, 3}, {0}, {-1, 0}, {3, 1, 2}, {0, 1, 2, 3}};
    for (int[] dims : dimSets) {
      for (boolean keepdim : new boolean[] {false, true}) {
        String what = java.util.Arrays.toString(dims) + " keepdim " + keepdim;
        assertMatchesAutograd("sum " + what, TensorOps.sum(dims, keepdim), T1.of(x),
            in -> Torch.sum(in.get(0), dims, keepdim));
        assertMatchesAutograd("mean " + what, TensorOps.mean(dims, keepdim), T1.of(x),
            in -> Torch.mean(in.get(0), dims, keepdim));
      }
    }
  }

  @Test
  void cat_alongEachDim_matchesAutograd() {
    for (int dim : new int[] {0, 1, -1}) {
      long[][] shapes = dim == 0 ? new long[][] {{1, 3}, {2, 3}, {4, 3}}
          : new long[][] {{2, 1}, {2, 4}, {2, 2}};
      TN<Tensor> inputs = TN.of(randn(shapes[0]), randn(shapes[1]), randn(shapes[2]));
      assertMatchesAutograd("cat along " + dim, TensorOps.cat(dim), inputs,
          in -> Torch.cat(in, dim));
    }
  }

  @Test
  void narrow_atTheStartMiddleAndEnd_matchesAutograd() {
    Tensor x = randn(3, 6);
    long[][] slices = {{0, 2}, {2, 3}, {4, 2}, {0, 6}};
    for (long[] s : slices) {
      assertMatchesAutograd("narrow dim 1 " + s[0] + "+" + s[1], TensorOps.narrow(1, s[0], s[1]),
          T1.of(x), in -> Torch.narrow(in.get(0), 1, s[0], s[1]));
    }
    assertMatchesAutograd("narrow dim -2", TensorOps.narrow(-2, 1, 1), T1.of(x),
        in -> Torch.narrow(in.get(0), -2, 1, 1));
  }

  @Test
  void embedding_withRepeatedAndUnusedRows_matchesAutograd() {
    Tensor weight = randn(6, 4);
    Tensor indices = Torch.fromArray(new long[] {1, 3, 1, 0, 5, 1}, 2, 3);
    assertMatchesAutograd("embedding", TensorOps.embedding(indices), T1.of(weight),
        in -> Torch.embedding(indices, in.get(0), -1));
    Tensor rows = TensorOps.embedding(indices).evalOp(T1.of(weight));
    assertThat(rows.shape()).isEqualTo(new long[] {2, 3, 4});
    Tensor grad = TensorOps.embedding(indices).gradOpWith(T1.of(weight), Torch.onesLike(rows))
        .first();
    assertThat(grad.sum(1, false).toDoubleArray())
        .isEqualTo(new double[] {4, 12, 0, 4, 0, 4});
  }

  @Test
  void conv1d_stridePaddingDilationGroups_batchedAndNot_matchesAutograd() {
    long[][] cases = {{1, 0, 1, 1}, {2, 1, 1, 1}, {1, 2, 2, 1}, {1, 1, 1, 2}};
    for (long[] c : cases) {
      long groups = c[3];
      Tensor x = randn(2, 4, 9);
      Tensor w = randn(6, 4 / groups, 3);
      Tensor b = randn(6);
      String what = "conv1d stride " + c[0] + " padding " + c[1] + " dilation " + c[2]
          + " groups " + groups;
      assertMatchesAutograd(what, TensorOps.conv1d(c[0], c[1], c[2], groups), T3.of(x, w, b),
          in -> Torch.conv1d(in.get(0), in.get(1), in.get(2), c[0], c[1], c[2], groups));
      assertMatchesAutograd(what + " unbatched", TensorOps.conv1d(c[0], c[1], c[2], groups),
          T3.of(randn(4, 9), w, b),
          in -> Torch.conv1d(in.get(0), in.get(1), in.get(2), c[0], c[1], c[2], groups));
    }
  }

  @Test
  void layerNorm_overOneAndTwoTrailingDims_matchesAutograd() {
    Tensor x = randn(3, 4, 5);
    assertMatchesAutograd("layerNorm [5]", TensorOps.layerNorm(new long[] {5}, 1e-5),
        T3.of(x, randn(5), randn(5)),
        in -> Torch.layerNorm(in.get(0), new long[] {5}, in.get(1), in.get(2), 1e-5));
    assertMatchesAutograd("layerNorm [4, 5]", TensorOps.layerNorm(new long[] {4, 5}, 1e-3),
        T3.of(x, randn(4, 5), randn(4, 5)),
        in -> Torch.layerNorm(in.get(0), new long[] {4, 5}, in.get(1), in.get(2), 1e-3));
  }

  @Test
  void batchNorm_trainingMode_matchesAutograd_andUpdatesTheRunningStatistics() {
    for (long[] shape : new long[][] {{4, 3}, {4, 3, 5}, {2, 3, 4, 5}}) {
      Tensor x = randn(shape);
      Tensor w = randn(3);
      Tensor b = randn(3);
      assertMatchesAutograd("batchNorm " + java.util.Arrays.toString(shape),
          TensorOps.batchNorm(null, null, 0.1, 1e-5), T3.of(x, w, b),
          in -> Torch.batchNorm(in.get(0), in.get(1), in.get(2), null, null, true, 0.1, 1e-5));
    }
    Tensor x = randn(8, 3, 4);
    Tensor mean = Torch.zeros(new long[] {3}, DType.FLOAT64);
    Tensor var = Torch.ones(new long[] {3}, DType.FLOAT64);
    Tensor expectedMean = Torch.zeros(new long[] {3}, DType.FLOAT64);
    Tensor expectedVar = Torch.ones(new long[] {3}, DType.FLOAT64);
    TensorOps.batchNorm(mean, var, 0.1, 1e-5).evalOp(T3.of(x, randn(3), randn(3)));
    Torch.batchNorm(x, null, null, expectedMean, expectedVar, true, 0.1, 1e-5);
    assertClose("running mean", mean, expectedMean);
    assertClose("running variance", var, expectedVar);
    assertThat(mean.abs().max().item()).isGreaterThan(0.0);
  }

  @Test
  void dropout_keepsOrZeroesEachElement_scaled_andTheGradientGoesThroughTheSameMask() {
    Tensor x = AutogradReference.positive(200, 10);
    double p = 0.3;
    var r = TensorOps.dropout(p).run(T1.of(x));
    Tensor y = r.value();
    Tensor g = randn(200, 10);
    Tensor grad = r.gradient(g).first();
    Tensor kept = y.ne(0.0).to(DType.FLOAT64);
    // every element is zero or x / (1 - p), and the gradient is g / (1 - p) exactly there
    assertClose("value", y, x.mul(kept).div(1 - p));
    assertClose("gradient", grad, g.mul(kept).div(1 - p));
    double fraction = kept.mean().item();
    assertThat(fraction).isWithin(0.05).of(1 - p);
    assertClose("p = 0", TensorOps.dropout(0).evalOp(T1.of(x)), x);
    assertThat(TensorOps.dropout(1).evalOp(T1.of(x)).abs().max().item()).isEqualTo(0.0);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> TensorOps.dropout(1.5));
    assertThat(e).hasMessageThat().startsWith("TensorOps.dropout: p is 1.5");
  }

  @Test
  void crossEntropy_withWeightsIgnoreIndexLabelSmoothingAndProbabilities_matchesAutograd() {
    Tensor logits = randn(6, 4);
    Tensor indices = Torch.fromArray(new long[] {0, 3, 2, 3, 1, 2}, 6);
    Tensor weight = AutogradReference.positive(4);
    Tensor probabilities = randn(6, 4).softmax(1);
    Object[][] cases = {
      {"plain", indices, null, -100L, 0.0},
      {"weighted", indices, weight, -100L, 0.0},
      {"ignoring class 3", indices, null, 3L, 0.0},
      {"smoothed", indices, null, -100L, 0.2},
      {"weighted, ignoring 2, smoothed", indices, weight, 2L, 0.1},
      {"probabilities", probabilities, null, -100L, 0.0},
      {"probabilities, weighted, smoothed", probabilities, weight, -100L, 0.3},
    };
    for (Object[] c : cases) {
      Tensor target = (Tensor) c[1];
      Tensor w = (Tensor) c[2];
      long ignore = (Long) c[3];
      double smoothing = (Double) c[4];
      assertMatchesAutograd("crossEntropy " + c[0],
          TensorOps.crossEntropy(target, w, ignore, smoothing), T1.of(logits),
          in -> Torch.crossEntropyLoss(in.get(0), target, w,
              dev.shapetorch.tensor.Reduction.MEAN, ignore, smoothing));
    }
  }

  @Test
  void avgPool2d_strideAndPadding_withAndWithoutCountingPadding_matchesAutograd() {
    long[][][] cases = {
      {{2, 2}, {2, 2}, {0, 0}}, {{3, 3}, {1, 1}, {1, 1}}, {{3, 2}, {2, 1}, {1, 0}},
      {{2, 3}, {1, 2}, {0, 1}}
    };
    for (long[][] c : cases) {
      for (boolean countPad : new boolean[] {true, false}) {
        String what = "avgPool2d kernel " + java.util.Arrays.toString(c[0]) + " stride "
            + java.util.Arrays.toString(c[1]) + " padding " + java.util.Arrays.toString(c[2])
            + " countIncludePad " + countPad;
        assertMatchesAutograd(what, TensorOps.avgPool2d(c[0], c[1], c[2], countPad),
            T1.of(randn(2, 3, 6, 7)),
            in -> Torch.avgPool2d(in.get(0), c[0], c[1], c[2], false, countPad, 0));
        assertMatchesAutograd(what + " unbatched", TensorOps.avgPool2d(c[0], c[1], c[2],
            countPad), T1.of(randn(3, 5, 6)),
            in -> Torch.avgPool2d(in.get(0), c[0], c[1], c[2], false, countPad, 0));
      }
    }
  }

  @Test
  void adaptiveAvgPool2d_evenAndUnevenWindows_matchesAutograd() {
    long[][] cases = {{2, 2}, {3, 2}, {1, 1}, {5, 7}, {4, 3}};
    for (long[] out : cases) {
      assertMatchesAutograd("adaptiveAvgPool2d to " + java.util.Arrays.toString(out),
          TensorOps.adaptiveAvgPool2d(out), T1.of(randn(2, 3, 5, 7)),
          in -> Torch.adaptiveAvgPool2d(in.get(0), out));
    }
    assertMatchesAutograd("adaptiveAvgPool2d unbatched", TensorOps.adaptiveAvgPool2d(2, 3),
        T1.of(randn(3, 6, 5)), in -> Torch.adaptiveAvgPool2d(in.get(0), 2, 3));
  }

  @Test
  void tensorVars_forms_runTheSameOps() {
    Tensor a = randn(2, 3);
    Tensor b = randn(2, 2);
    Tensor w = randn(5, 3);
    Tensor idx = Torch.fromArray(new long[] {4, 0, 4}, 3);
    List<Tensor> g = BVars.gradBPN(p -> {
      BVar<Tensor> joined = TensorVars.cat(List.of(p.get(0), p.get(1)), 1);
      BVar<Tensor> sliced = TensorVars.narrow(joined, 1, 1, 3);
      BVar<Tensor> rows = TensorVars.embedding(idx, p.get(2));
      return TensorVars.add(TensorVars.sum(sliced, new int[] {0, 1}, false),
          TensorVars.mean(rows, new int[] {0, 1}, false));
    }, List.of(a, b, w), TensorBackprop.INSTANCE);
    assertClose("d a", g.get(0), Torch.fromArray(new double[] {0, 1, 1, 0, 1, 1}, 2, 3)
        .to(DType.FLOAT64));
    assertClose("d b", g.get(1), Torch.fromArray(new double[] {1, 0, 1, 0}, 2, 2)
        .to(DType.FLOAT64));
    double third = 1.0 / 9;
    assertClose("d w", g.get(2), Torch.fromArray(new double[] {
        third, third, third, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 * third, 2 * third, 2 * third}, 5, 3));
  }
}

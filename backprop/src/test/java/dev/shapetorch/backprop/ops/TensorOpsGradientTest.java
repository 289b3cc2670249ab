package dev.shapetorch.backprop.ops;

import static dev.shapetorch.backprop.ops.AutogradReference.assertMatchesAutograd;
import static dev.shapetorch.backprop.ops.AutogradReference.positive;
import static dev.shapetorch.backprop.ops.AutogradReference.randn;

import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every tensor op's written-out gradient equals libtorch autograd's, in float64, to 1e-5. */
class TensorOpsGradientTest {
  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
    Torch.manualSeed(7);
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @Test
  void unaryPointwise_matchAutograd() {
    Tensor x = randn(3, 4);
    assertMatchesAutograd("neg", TensorOps.neg(), T1.of(x), in -> in.get(0).neg());
    assertMatchesAutograd("exp", TensorOps.exp(), T1.of(x), in -> in.get(0).exp());
    assertMatchesAutograd("log", TensorOps.log(), T1.of(positive(3, 4)), in -> in.get(0).log());
    assertMatchesAutograd("tanh", TensorOps.tanh(), T1.of(x), in -> in.get(0).tanh());
    assertMatchesAutograd("sigmoid", TensorOps.sigmoid(), T1.of(x), in -> in.get(0).sigmoid());
    assertMatchesAutograd("relu", TensorOps.relu(), T1.of(x), in -> in.get(0).relu());
  }

  @Test
  void binaryPointwise_sameShapes_matchAutograd() {
    T2<Tensor, Tensor> ab = T2.of(randn(2, 3), randn(2, 3));
    assertMatchesAutograd("add", TensorOps.add(), ab, in -> in.get(0).add(in.get(1)));
    assertMatchesAutograd("sub", TensorOps.sub(), ab, in -> in.get(0).sub(in.get(1)));
    assertMatchesAutograd("mul", TensorOps.mul(), ab, in -> in.get(0).mul(in.get(1)));
    assertMatchesAutograd("div", TensorOps.div(), T2.of(randn(2, 3), positive(2, 3)),
        in -> in.get(0).div(in.get(1)));
  }

  @Test
  void binaryPointwise_broadcasting_sumsGradientsBackToEachInputsShape() {
    long[][][] pairs = {
      {{2, 3, 4}, {3, 1}}, {{4}, {2, 3, 4}}, {{2, 1, 4}, {1, 3, 1}}, {{}, {2, 3}}, {{2, 3}, {}},
      {{5, 1}, {1}}
    };
    for (long[][] p : pairs) {
      String shapes = java.util.Arrays.toString(p[0]) + " and " + java.util.Arrays.toString(p[1]);
      T2<Tensor, Tensor> ab = T2.of(randn(p[0]), randn(p[1]));
      assertMatchesAutograd("add " + shapes, TensorOps.add(), ab, in -> in.get(0).add(in.get(1)));
      assertMatchesAutograd("sub " + shapes, TensorOps.sub(), ab, in -> in.get(0).sub(in.get(1)));
      assertMatchesAutograd("mul " + shapes, TensorOps.mul(), ab, in -> in.get(0).mul(in.get(1)));
      assertMatchesAutograd("div " + shapes, TensorOps.div(), T2.of(randn(p[0]), positive(p[1])),
          in -> in.get(0).div(in.get(1)));
    }
  }

  @Test
  void matmul_everyCase_matchesAutograd() {
    long[][][] pairs = {
      {{3, 4}, {4, 5}}, {{4}, {4, 5}}, {{3, 4}, {4}}, {{4}, {4}}, {{2, 3, 4}, {4, 5}},
      {{3, 4}, {2, 4, 5}}, {{2, 1, 3, 4}, {5, 4, 6}}, {{4}, {2, 4, 5}}, {{2, 3, 4}, {4}}
    };
    for (long[][] p : pairs) {
      String shapes = java.util.Arrays.toString(p[0]) + " x " + java.util.Arrays.toString(p[1]);
      assertMatchesAutograd("matmul " + shapes, TensorOps.matmul(),
          T2.of(randn(p[0]), randn(p[1])), in -> Torch.matmul(in.get(0), in.get(1)));
    }
  }

  @Test
  void linear_withAndWithoutBias_batchedInput_matchesAutograd() {
    assertMatchesAutograd("linear", TensorOps.linear(), T3.of(randn(5, 4), randn(3, 4), randn(3)),
        in -> in.get(0).matmul(in.get(1).t()).add(in.get(2)));
    assertMatchesAutograd("linear batched", TensorOps.linear(),
        T3.of(randn(2, 5, 4), randn(3, 4), randn(3)),
        in -> in.get(0).matmul(in.get(1).t()).add(in.get(2)));
    assertMatchesAutograd("linear without bias", TensorOps.linearNoBias(),
        T2.of(randn(2, 5, 4), randn(3, 4)), in -> in.get(0).matmul(in.get(1).t()));
    Tensor data = randn(2, 5, 4);
    assertMatchesAutograd("linear of a constant input", TensorOps.linearOfConstant(data),
        T2.of(randn(3, 4), randn(3)), in -> data.matmul(in.get(0).t()).add(in.get(1)));
    assertMatchesAutograd("linear without bias of a constant input",
        TensorOps.linearNoBiasOfConstant(data), T1.of(randn(3, 4)),
        in -> data.matmul(in.get(0).t()));
  }

  @Test
  void reductions_matchAutograd() {
    Tensor x = randn(2, 3, 4);
    assertMatchesAutograd("sum", TensorOps.sum(), T1.of(x), in -> in.get(0).sum());
    assertMatchesAutograd("mean", TensorOps.mean(), T1.of(x), in -> in.get(0).mean());
    for (int dim : new int[] {0, 1, -1}) {
      for (boolean keep : new boolean[] {false, true}) {
        String c = "(" + dim + ", " + keep + ")";
        assertMatchesAutograd("sum" + c, TensorOps.sum(dim, keep), T1.of(x),
            in -> in.get(0).sum(dim, keep));
        assertMatchesAutograd("mean" + c, TensorOps.mean(dim, keep), T1.of(x),
            in -> in.get(0).mean(dim, keep));
      }
    }
  }

  @Test
  void softmaxAndLogSoftmax_matchAutograd() {
    Tensor x = randn(3, 5);
    for (int dim : new int[] {0, 1, -1}) {
      assertMatchesAutograd("softmax " + dim, TensorOps.softmax(dim), T1.of(x),
          in -> in.get(0).softmax(dim));
      assertMatchesAutograd("logSoftmax " + dim, TensorOps.logSoftmax(dim), T1.of(x),
          in -> in.get(0).logSoftmax(dim));
    }
  }

  @Test
  void reshapeAndTranspose_matchAutograd() {
    Tensor x = randn(2, 3, 2);
    assertMatchesAutograd("reshape", TensorOps.reshape(-1, 6), T1.of(x),
        in -> in.get(0).reshape(-1, 6));
    assertMatchesAutograd("transpose", TensorOps.transpose(0, 2), T1.of(x),
        in -> in.get(0).transpose(0, 2));
    assertMatchesAutograd("transpose negative", TensorOps.transpose(-1, 1), T1.of(x),
        in -> in.get(0).transpose(-1, 1));
  }

  @Test
  void crossEntropy_matchesAutogradOfLogSoftmaxAndGather() {
    Tensor logits = randn(5, 4);
    Tensor target = Torch.randint(0, 4, 5);
    assertMatchesAutograd("crossEntropy", TensorOps.crossEntropy(target), T1.of(logits),
        in -> in.get(0).logSoftmax(1).gather(1, target.unsqueeze(1)).mean().neg());
    Tensor spatial = randn(2, 3, 4);
    Tensor spatialTarget = Torch.randint(0, 3, 2, 4);
    assertMatchesAutograd("crossEntropy [N, C, d]", TensorOps.crossEntropy(spatialTarget),
        T1.of(spatial),
        in -> in.get(0).logSoftmax(1).gather(1, spatialTarget.unsqueeze(1)).mean().neg());
  }

  @Test
  void mseLoss_matchesAutograd() {
    assertMatchesAutograd("mseLoss", TensorOps.mseLoss(), T2.of(randn(4, 3), randn(4, 3)),
        in -> in.get(0).sub(in.get(1)).pow(2.0).mean());
  }

  @Test
  void conv2d_withAndWithoutBias_stridePaddingDilationGroups_matchesAutograd() {
    long[][] configs = {{1, 0, 1, 1}, {2, 1, 1, 1}, {1, 2, 2, 1}, {1, 1, 1, 2}};
    for (long[] c : configs) {
      long[] s = {c[0], c[0]};
      long[] p = {c[1], c[1]};
      long[] d = {c[2], c[2]};
      long groups = c[3];
      String name = "conv2d stride " + c[0] + " padding " + c[1] + " dilation " + c[2]
          + " groups " + groups;
      T3<Tensor, Tensor, Tensor> xwb = T3.of(randn(2, 4, 7, 6), randn(6, 4 / groups, 3, 3),
          randn(6));
      assertMatchesAutograd(name, TensorOps.conv2d(s, p, d, groups), xwb,
          in -> Torch.conv2d(in.get(0), in.get(1), in.get(2), s, p, d, groups));
      assertMatchesAutograd(name + " without bias", TensorOps.conv2dNoBias(s, p, d, groups),
          T2.of(xwb.first(), xwb.second()),
          in -> Torch.conv2d(in.get(0), in.get(1), null, s, p, d, groups));
    }
    long[] one = {1, 1};
    long[] zero = {0, 0};
    Tensor data = randn(2, 3, 6, 6);
    assertMatchesAutograd("conv2d of a constant input",
        TensorOps.conv2dOfConstant(data, one, one, one, 1), T2.of(randn(4, 3, 3, 3), randn(4)),
        in -> Torch.conv2d(data, in.get(0), in.get(1), one, one, one, 1));
    assertMatchesAutograd("conv2d without bias of a constant input",
        TensorOps.conv2dNoBiasOfConstant(data, one, zero, one, 1), T1.of(randn(4, 3, 3, 3)),
        in -> Torch.conv2d(data, in.get(0), null, one, zero, one, 1));
    assertMatchesAutograd("conv2d unbatched", TensorOps.conv2d(one, zero, one, 1),
        T3.of(randn(3, 5, 5), randn(2, 3, 3, 3), randn(2)),
        in -> Torch.conv2d(in.get(0), in.get(1), in.get(2), one, zero, one, 1));
  }

  @Test
  void maxPool2d_matchesAutograd() {
    long[][] configs = {{2, 2, 0, 1, 0}, {3, 2, 1, 1, 0}, {3, 2, 1, 1, 1}, {2, 1, 0, 2, 0}};
    for (long[] c : configs) {
      long[] k = {c[0], c[0]};
      long[] s = {c[1], c[1]};
      long[] p = {c[2], c[2]};
      long[] d = {c[3], c[3]};
      boolean ceil = c[4] == 1;
      String name = "maxPool2d " + java.util.Arrays.toString(c);
      assertMatchesAutograd(name, TensorOps.maxPool2d(k, s, p, d, ceil), T1.of(randn(2, 3, 7, 6)),
          in -> Torch.maxPool2d(in.get(0), k, s, p, d, ceil));
    }
  }
}

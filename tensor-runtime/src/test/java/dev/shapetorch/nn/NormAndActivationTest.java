package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.activation.ELU;
import dev.shapetorch.nn.activation.GELU;
import dev.shapetorch.nn.activation.LeakyReLU;
import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.activation.SiLU;
import dev.shapetorch.nn.activation.Sigmoid;
import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.nn.activation.Softplus;
import dev.shapetorch.nn.activation.Tanh;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Flatten;
import dev.shapetorch.nn.linear.Identity;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm's training step (output, gradient, running statistics) and evaluation mode, Dropout
 * in both modes, and every activation module and function, against PyTorch 1.13.
 */
class NormAndActivationTest {

  private static void batchNorm(String fixture, Module bn, UnaryOperator<Tensor> forward) {
    Golden g = Golden.load(fixture);
    g.loadInto(bn);
    bn.train();
    Tensor x = g.leaf("in.x");
    Tensor y = forward.apply(x);
    g.assertClose("out.y", y);
    y.pow(2.0).sum().backward();
    g.assertClose("grad.x", x.grad(), 1e-4, 1e-3);
    Map<String, Tensor> after = bn.stateDict();
    for (String k : after.keySet()) {
      g.assertClose("after." + k, after.get(k));
    }
    bn.eval();
    g.assertClose("out.y_eval", forward.apply(g.tensor("in.x_eval")));
    assertEquals(after.get("num_batches_tracked").itemLong(),
        bn.stateDict().get("num_batches_tracked").itemLong(), "eval does not count batches");
  }

  @Test
  void batchNorm1d_features_trainStepThenEval() {
    BatchNorm1d bn = new BatchNorm1d(3);
    batchNorm("batch_norm1d", bn, bn::forward);
  }

  @Test
  void batchNorm1d_sequences_withMomentum() {
    BatchNorm1d bn = new BatchNorm1d(3, 1e-5, 0.2, true, true);
    batchNorm("batch_norm1d_3d", bn, bn::forward);
  }

  @Test
  void batchNorm2d_trainStepThenEval() {
    BatchNorm2d bn = new BatchNorm2d(3);
    batchNorm("batch_norm2d", bn, bn::forward);
    LayerGoldenTest.assertDeclaredShape(BatchNorm2d.class, new long[] {3},
        Torch.zeros(4, 3, 2, 2), bn.forward(Torch.zeros(4, 3, 2, 2)));
  }

  /** Three training batches with momentum null (a cumulative average), against PyTorch. */
  private static void cumulativeAverage(String fixture, Module bn, UnaryOperator<Tensor> forward) {
    Golden g = Golden.load(fixture);
    g.loadInto(bn);
    bn.train();
    for (int i = 0; i < 3; i++) {
      g.assertClose("out.y" + i, forward.apply(g.tensor("in.x" + i)));
    }
    Map<String, Tensor> after = bn.stateDict();
    for (String k : after.keySet()) {
      g.assertClose("after." + k, after.get(k));
    }
    assertEquals(3, after.get("num_batches_tracked").itemLong());
  }

  @Test
  void batchNorm1d_momentumNull_keepsTheCumulativeAverageOfThreeBatches() {
    BatchNorm1d bn = new BatchNorm1d(3, 1e-5, null, true, true);
    cumulativeAverage("batch_norm1d_cma", bn, bn::forward);
    assertEquals("BatchNorm1d(3, eps=1e-05, momentum=None, affine=True, track_running_stats=True)",
        bn.toString());
  }

  @Test
  void batchNorm2d_momentumNull_keepsTheCumulativeAverageOfThreeBatches() {
    BatchNorm2d bn = new BatchNorm2d(2, 1e-5, null, true, true);
    cumulativeAverage("batch_norm2d_cma", bn, bn::forward);
  }

  @Test
  void batchNorm_momentumNull_averagesExactly_andContinuesFromALoadedCounter() {
    BatchNorm1d bn = new BatchNorm1d(1, 1e-5, null, false, true);
    bn.forward(Torch.fromArray(new float[] {1, 3}, 2, 1)); // mean 2, unbiased var 2
    bn.forward(Torch.fromArray(new float[] {5, 9}, 2, 1)); // mean 7, unbiased var 8
    assertArrayEquals(new float[] {4.5f}, bn.runningMean().get().toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {5f}, bn.runningVar().get().toFloatArray(), 1e-6f);
    // A fresh module loading this state weighs its next batch 1/3, as the counter says.
    BatchNorm1d resumed = new BatchNorm1d(1, 1e-5, null, false, true);
    resumed.loadStateDict(bn.stateDict());
    resumed.forward(Torch.fromArray(new float[] {0, 0}, 2, 1)); // mean 0, var 0
    assertArrayEquals(new float[] {3f}, resumed.runningMean().get().toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {10f / 3}, resumed.runningVar().get().toFloatArray(), 1e-6f);
  }

  @Test
  void batchNorm_defaults_areOnesZerosAndAnInt64Counter() {
    BatchNorm2d bn = new BatchNorm2d(2);
    assertArrayEquals(new float[] {1, 1}, bn.weight().get().toFloatArray());
    assertArrayEquals(new float[] {0, 0}, bn.bias().get().toFloatArray());
    assertArrayEquals(new float[] {0, 0}, bn.runningMean().get().toFloatArray());
    assertArrayEquals(new float[] {1, 1}, bn.runningVar().get().toFloatArray());
    assertEquals(0, bn.numBatchesTracked().get().dim());
    assertEquals("BatchNorm2d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        bn.toString());
  }

  @Test
  void batchNorm_withoutRunningStats_usesBatchStatisticsInEval() {
    BatchNorm1d bn = new BatchNorm1d(2, 1e-5, 0.1, false, false);
    assertTrue(bn.namedBuffers().isEmpty());
    assertTrue(bn.namedParameters().isEmpty());
    bn.eval();
    Tensor x = Torch.fromArray(new float[] {1, 10, 3, 30}, 2, 2);
    float[] y = bn.forward(x).toFloatArray();
    assertEquals(-1.0, y[0], 1e-3);
    assertEquals(1.0, y[2], 1e-3);
  }

  @Test
  void dropout_trainingZeroesAboutPAndScalesTheRest_evalIsTheIdentity() {
    Torch.manualSeed(7);
    Dropout d = new Dropout(0.25);
    Tensor ones = Torch.ones(100_000);
    float[] y = d.forward(ones).toFloatArray();
    int zeros = 0;
    for (float v : y) {
      if (v == 0f) {
        zeros++;
      } else {
        assertEquals(1 / 0.75f, v, 1e-6f);
      }
    }
    assertEquals(0.25, zeros / 100_000.0, 0.01);
    d.eval();
    assertArrayEquals(ones.toFloatArray(), d.forward(ones).toFloatArray());
    assertFalse(d.isTraining());
    assertArrayEquals(new float[] {0, 0}, new Dropout(1.0).forward(Torch.ones(2)).toFloatArray());
  }

  @Test
  void activations_modulesAndFunctions_matchPyTorch_valuesAndGradients() {
    Golden g = Golden.load("activations");
    Map<String, UnaryModule> modules = new LinkedHashMap<>();
    modules.put("relu", new ReLU());
    modules.put("gelu", new GELU());
    modules.put("gelu_tanh", new GELU("tanh"));
    modules.put("silu", new SiLU());
    modules.put("tanh", new Tanh());
    modules.put("sigmoid", new Sigmoid());
    modules.put("leaky_relu", new LeakyReLU(0.1));
    modules.put("elu", new ELU(0.7));
    modules.put("softplus", new Softplus(2.0, 3.0));
    modules.put("softmax", new Softmax(1));
    modules.put("log_softmax", new LogSoftmax(1));
    Map<String, UnaryOperator<Tensor>> functions = new LinkedHashMap<>();
    functions.put("relu", F::relu);
    functions.put("gelu", F::gelu);
    functions.put("gelu_tanh", x -> F.gelu(x, "tanh"));
    functions.put("silu", F::silu);
    functions.put("tanh", F::tanh);
    functions.put("sigmoid", F::sigmoid);
    functions.put("leaky_relu", x -> F.leakyRelu(x, 0.1));
    functions.put("elu", x -> F.elu(x, 0.7));
    functions.put("softplus", x -> F.softplus(x, 2.0, 3.0));
    functions.put("softmax", x -> F.softmax(x, 1));
    functions.put("log_softmax", x -> F.logSoftmax(x, 1));
    Tensor weights = Torch.arange(1.0, 13.0, 1.0).reshape(3, 4);
    for (String name : modules.keySet()) {
      for (UnaryOperator<Tensor> f : java.util.List.<UnaryOperator<Tensor>>of(
          modules.get(name)::forward, functions.get(name))) {
        Tensor x = g.leaf("in.x");
        Tensor y = f.apply(x);
        g.assertClose("out." + name, y);
        y.mul(weights).sum().backward();
        g.assertClose("grad." + name, x.grad());
      }
    }
    assertEquals("LeakyReLU(negative_slope=0.1)", modules.get("leaky_relu").toString());
    assertEquals("GELU(approximate='tanh')", modules.get("gelu_tanh").toString());
  }

  @Test
  void identityAndFlatten() {
    Tensor x = Torch.randn(2, 3, 4, 5);
    assertSame(x, new Identity().forward(x));
    assertArrayEquals(new long[] {2, 60}, new Flatten().forward(x).shape());
    assertArrayEquals(new long[] {2, 12, 5}, new Flatten(1, 2).forward(x).shape());
    assertArrayEquals(x.toFloatArray(), new Flatten().forward(x).toFloatArray());
  }
}

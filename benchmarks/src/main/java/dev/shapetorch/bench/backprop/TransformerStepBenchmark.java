package dev.shapetorch.bench.backprop;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.ops.TensorBackprop;
import dev.shapetorch.backprop.ops.TensorGradients;
import dev.shapetorch.backprop.ops.TensorVars;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SGD training step of the small transformer encoder block that backprop's {@code
 * TransformerBlockTrainingTest} trains (batch 4, 5 tokens, width 8, two heads, a 16-wide ReLU
 * feed-forward layer, two layer norms, a mean-pooled 3-class classifier, cross-entropy; 18
 * parameter tensors), in float32: through {@code BVar}s and backprop's tensor ops against the
 * same block through libtorch autograd. Both run the same forward kernels and update the
 * parameters in place with {@code add_(grad, -lr)}. The tensors are tiny, so the step measures
 * the cost per op of each engine (about 30 forward ops) more than the kernels. No goal: {@code
 * benchmarks/run-backprop-bench.sh} prints the ratio of the medians.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransformerStepBenchmark {
  private static final int B = 4;
  private static final int T = 5;
  private static final int D = 8;
  private static final int HEADS = 2;
  private static final int DH = D / HEADS;
  private static final int HIDDEN = 16;
  private static final int CLASSES = 3;
  private static final double EPS = 1e-5;
  private static final double LEARNING_RATE = 1e-3;
  private static final long[] NORMALIZED = {D};

  // parameter indices, as in the test
  private static final int WQ = 0;
  private static final int BQ = 1;
  private static final int WK = 2;
  private static final int BK = 3;
  private static final int WV = 4;
  private static final int BV = 5;
  private static final int WO = 6;
  private static final int BO = 7;
  private static final int LN1_W = 8;
  private static final int LN1_B = 9;
  private static final int W1 = 10;
  private static final int B1 = 11;
  private static final int W2 = 12;
  private static final int B2 = 13;
  private static final int LN2_W = 14;
  private static final int LN2_B = 15;
  private static final int WC = 16;
  private static final int BC = 17;

  private Tensor x;
  private Tensor y;
  private Tensor scale;
  private List<Tensor> params;
  private List<Tensor> leaves;

  /** Random data and two copies of the parameters: plain tensors, and autograd leaves. */
  @Setup
  public void setUp() {
    Torch.manualSeed(17);
    x = Torch.randn(B, T, D);
    y = Torch.randint(0, CLASSES, B);
    scale = Torch.scalarTensor(Math.sqrt(DH));
    params = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      params.add(Torch.randn(D, D).mul(0.3));
      params.add(Torch.zeros(D));
    }
    params.add(Torch.ones(D));
    params.add(Torch.zeros(D));
    params.add(Torch.randn(HIDDEN, D).mul(0.3));
    params.add(Torch.zeros(HIDDEN));
    params.add(Torch.randn(D, HIDDEN).mul(0.3));
    params.add(Torch.zeros(D));
    params.add(Torch.ones(D));
    params.add(Torch.zeros(D));
    params.add(Torch.randn(CLASSES, D).mul(0.3));
    params.add(Torch.zeros(CLASSES));
    leaves = params.stream().map(p -> p.clone().requiresGrad_(true)).toList();
  }

  // ---- the block on BVars

  private static BVar<Tensor> splitHeads(BVar<Tensor> t) {
    return TensorVars.transpose(TensorVars.reshape(t, B, T, HEADS, DH), 1, 2);
  }

  private static BVar<Tensor> attention(BVar<Tensor> in, List<BVar<Tensor>> p, Tensor scale) {
    BVar<Tensor> q = splitHeads(TensorVars.linear(in, p.get(WQ), p.get(BQ)));
    BVar<Tensor> k = splitHeads(TensorVars.linear(in, p.get(WK), p.get(BK)));
    BVar<Tensor> v = splitHeads(TensorVars.linear(in, p.get(WV), p.get(BV)));
    BVar<Tensor> scores = TensorVars.div(TensorVars.matmul(q, TensorVars.transpose(k, 2, 3)),
        TensorVars.constant(scale));
    BVar<Tensor> context = TensorVars.matmul(TensorVars.softmax(scores, -1), v);
    BVar<Tensor> merged = TensorVars.reshape(TensorVars.transpose(context, 1, 2), B, T, D);
    return TensorVars.linear(merged, p.get(WO), p.get(BO));
  }

  static BVar<Tensor> loss(List<BVar<Tensor>> p, Tensor x, Tensor y, Tensor scale) {
    BVar<Tensor> in = TensorVars.constant(x);
    BVar<Tensor> h = TensorVars.layerNorm(TensorVars.add(in, attention(in, p, scale)),
        NORMALIZED, p.get(LN1_W), p.get(LN1_B), EPS);
    BVar<Tensor> ff = TensorVars.linear(TensorVars.relu(TensorVars.linear(h, p.get(W1),
        p.get(B1))), p.get(W2), p.get(B2));
    BVar<Tensor> out = TensorVars.layerNorm(TensorVars.add(h, ff), NORMALIZED, p.get(LN2_W),
        p.get(LN2_B), EPS);
    BVar<Tensor> pooled = TensorVars.mean(out, 1, false);
    return TensorVars.crossEntropy(TensorVars.linear(pooled, p.get(WC), p.get(BC)), y);
  }

  // ---- the same block on tensors, for autograd

  private static Tensor splitHeads(Tensor t) {
    return t.reshape(B, T, HEADS, DH).transpose(1, 2);
  }

  static Tensor autogradLoss(List<Tensor> p, Tensor x, Tensor y, Tensor scale) {
    Tensor q = splitHeads(Torch.linear(x, p.get(WQ), p.get(BQ)));
    Tensor k = splitHeads(Torch.linear(x, p.get(WK), p.get(BK)));
    Tensor v = splitHeads(Torch.linear(x, p.get(WV), p.get(BV)));
    Tensor scores = q.matmul(k.transpose(2, 3)).div(scale);
    Tensor merged = scores.softmax(-1).matmul(v).transpose(1, 2).reshape(B, T, D);
    Tensor attended = Torch.linear(merged, p.get(WO), p.get(BO));
    Tensor h = Torch.layerNorm(x.add(attended), NORMALIZED, p.get(LN1_W), p.get(LN1_B), EPS);
    Tensor ff = Torch.linear(Torch.linear(h, p.get(W1), p.get(B1)).relu(), p.get(W2),
        p.get(B2));
    Tensor out = Torch.layerNorm(h.add(ff), NORMALIZED, p.get(LN2_W), p.get(LN2_B), EPS);
    Tensor logits = Torch.linear(out.mean(1, false), p.get(WC), p.get(BC));
    return Torch.crossEntropyLoss(logits, y, null, Reduction.MEAN, -100, 0.0);
  }

  /** A step whose gradient is computed by backprop's written-out tensor gradients. */
  @Benchmark
  public double backprop() {
    try (TensorScope scope = TensorScope.open()) {
      List<Tensor> grads =
          BVars.gradBPN(p -> loss(p, x, y, scale), params, TensorBackprop.INSTANCE);
      TensorGradients.sgdStep(params, grads, LEARNING_RATE);
      return grads.size();
    }
  }

  /** The same step with libtorch autograd ({@code loss.backward()}). */
  @Benchmark
  public double autograd() {
    try (TensorScope scope = TensorScope.open()) {
      autogradLoss(leaves, x, y, scale).backward();
      try (var ng = Torch.noGrad()) {
        for (Tensor p : leaves) {
          p.add_(p.grad(), -LEARNING_RATE);
          p.zeroGrad_();
        }
      }
      return leaves.size();
    }
  }
}

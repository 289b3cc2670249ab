package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transformer encoder block (two-head self-attention, residuals, layer norms, a ReLU
 * feed-forward layer) with a mean-pooled classifier on top, trained with plain SGD through
 * {@code BVar}s only, follows the same block trained through libtorch autograd step by step, in
 * float64: the same loss at every step, and the loss falls.
 */
class TransformerBlockTrainingTest {
  private static final int B = 4;
  private static final int T = 5;
  private static final int D = 8;
  private static final int HEADS = 2;
  private static final int DH = D / HEADS;
  private static final int HIDDEN = 16;
  private static final int CLASSES = 3;
  private static final double EPS = 1e-5;
  private static final double LEARNING_RATE = 0.2;
  private static final int STEPS = 40;
  private static final long[] NORMALIZED = {D};

  // parameter indices
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

  private static List<Tensor> initialParameters() {
    List<Tensor> p = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      p.add(randn(D, D).mul(0.3));
      p.add(Torch.zeros(new long[] {D}, DType.FLOAT64));
    }
    p.add(Torch.ones(new long[] {D}, DType.FLOAT64));
    p.add(Torch.zeros(new long[] {D}, DType.FLOAT64));
    p.add(randn(HIDDEN, D).mul(0.3));
    p.add(Torch.zeros(new long[] {HIDDEN}, DType.FLOAT64));
    p.add(randn(D, HIDDEN).mul(0.3));
    p.add(Torch.zeros(new long[] {D}, DType.FLOAT64));
    p.add(Torch.ones(new long[] {D}, DType.FLOAT64));
    p.add(Torch.zeros(new long[] {D}, DType.FLOAT64));
    p.add(randn(CLASSES, D).mul(0.3));
    p.add(Torch.zeros(new long[] {CLASSES}, DType.FLOAT64));
    return p;
  }

  private static Tensor randn(long... shape) {
    return Torch.randn(shape, DType.FLOAT64);
  }

  // ---- the block on BVars

  private static BVar<Tensor> splitHeads(BVar<Tensor> t) {
    return TensorVars.transpose(TensorVars.reshape(t, B, T, HEADS, DH), 1, 2);
  }

  private static BVar<Tensor> attention(BVar<Tensor> x, List<BVar<Tensor>> p) {
    BVar<Tensor> q = splitHeads(TensorVars.linear(x, p.get(WQ), p.get(BQ)));
    BVar<Tensor> k = splitHeads(TensorVars.linear(x, p.get(WK), p.get(BK)));
    BVar<Tensor> v = splitHeads(TensorVars.linear(x, p.get(WV), p.get(BV)));
    BVar<Tensor> scores = TensorVars.div(TensorVars.matmul(q, TensorVars.transpose(k, 2, 3)),
        TensorVars.constant(Torch.scalarTensor(Math.sqrt(DH), DType.FLOAT64)));
    BVar<Tensor> context = TensorVars.matmul(TensorVars.softmax(scores, -1), v);
    BVar<Tensor> merged = TensorVars.reshape(TensorVars.transpose(context, 1, 2), B, T, D);
    return TensorVars.linear(merged, p.get(WO), p.get(BO));
  }

  static BVar<Tensor> loss(List<BVar<Tensor>> p, Tensor x, Tensor y) {
    BVar<Tensor> in = TensorVars.constant(x);
    BVar<Tensor> h = TensorVars.layerNorm(TensorVars.add(in, attention(in, p)), NORMALIZED,
        p.get(LN1_W), p.get(LN1_B), EPS);
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

  static Tensor autogradLoss(List<Tensor> p, Tensor x, Tensor y) {
    Tensor q = splitHeads(Torch.linear(x, p.get(WQ), p.get(BQ)));
    Tensor k = splitHeads(Torch.linear(x, p.get(WK), p.get(BK)));
    Tensor v = splitHeads(Torch.linear(x, p.get(WV), p.get(BV)));
    Tensor scores = q.matmul(k.transpose(2, 3)).div(Math.sqrt(DH));
    Tensor merged = scores.softmax(-1).matmul(v).transpose(1, 2).reshape(B, T, D);
    Tensor attended = Torch.linear(merged, p.get(WO), p.get(BO));
    Tensor h = Torch.layerNorm(x.add(attended), NORMALIZED, p.get(LN1_W), p.get(LN1_B), EPS);
    Tensor ff = Torch.linear(Torch.linear(h, p.get(W1), p.get(B1)).relu(), p.get(W2),
        p.get(B2));
    Tensor out = Torch.layerNorm(h.add(ff), NORMALIZED, p.get(LN2_W), p.get(LN2_B), EPS);
    Tensor logits = Torch.linear(out.mean(1, false), p.get(WC), p.get(BC));
    return Torch.nllLoss(logits.logSoftmax(1), y, null, Reduction.MEAN, -100);
  }

  @Test
  void blockTrainedThroughBVars_followsTheBlockTrainedThroughAutograd() {
    try (TensorScope outer = TensorScope.open()) {
      Torch.manualSeed(17);
      Tensor x = randn(B, T, D);
      // a learnable rule: the class of the largest of three projections of the mean token
      Tensor y = x.mean(1, false).matmul(randn(D, CLASSES)).argmax(1);
      List<Tensor> bp = initialParameters();
      List<Tensor> ag = new ArrayList<>();
      for (Tensor t : bp) {
        ag.add(t.clone());
      }
      double first = 0;
      double last = 0;
      for (int step = 0; step < STEPS; step++) {
        try (TensorScope scope = TensorScope.open()) {
          var r = BVars.backpropN(p -> loss(p, x, y), bp, TensorBackprop.INSTANCE);
          List<Tensor> leaves = new ArrayList<>();
          for (Tensor t : ag) {
            leaves.add(t.detach().requiresGrad_(true));
          }
          Tensor reference = autogradLoss(leaves, x, y);
          reference.backward(Torch.onesLike(reference));
          double lossBp = r.value().item();
          double lossAg = reference.item();
          assertWithMessage("loss at step %s", step).that(lossBp)
              .isWithin(1e-9 * Math.max(1, Math.abs(lossAg))).of(lossAg);
          for (int i = 0; i < leaves.size(); i++) {
            double diff = r.gradient().get(i).sub(leaves.get(i).grad()).abs().max().item();
            assertWithMessage("gradient of parameter %s at step %s", i, step).that(diff)
                .isAtMost(1e-8);
          }
          List<Tensor> autogradGrads = new ArrayList<>();
          for (Tensor leaf : leaves) {
            autogradGrads.add(leaf.grad());
          }
          TensorGradients.sgdStep(bp, r.gradient(), LEARNING_RATE);
          TensorGradients.sgdStep(ag, autogradGrads, LEARNING_RATE);
          first = step == 0 ? lossBp : first;
          last = lossBp;
        }
      }
      assertWithMessage("loss after %s steps (first %s)", STEPS, first).that(last)
          .isLessThan(0.5 * first);
      assertThat(bp.size()).isEqualTo(18);
    }
  }
}

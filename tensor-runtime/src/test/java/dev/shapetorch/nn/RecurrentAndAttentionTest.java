package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.nn.recurrent.RecurrentSpec;
import dev.shapetorch.tensor.LstmOutput;
import dev.shapetorch.tensor.RnnOutput;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RNN, LSTM and GRU (layers, directions, layouts, initial states), MultiheadAttention and
 * TransformerEncoderLayer against PyTorch 1.13: outputs, final states, gradients of inputs and
 * parameters, and parameter names.
 */
class RecurrentAndAttentionTest {

  private static void rnn(String fixture, Module m, boolean lstm,
      java.util.function.Function<Tensor[], Tensor[]> run) {
    Golden g = Golden.load(fixture);
    g.loadInto(m);
    Tensor x = g.leaf("in.x");
    Tensor h0 = g.has("in.h0") ? g.leaf("in.h0") : null;
    Tensor c0 = g.has("in.c0") ? g.leaf("in.c0") : null;
    Tensor[] out = run.apply(new Tensor[] {x, h0, c0});
    g.assertClose("out.out", out[0]);
    g.assertClose("out.h", out[1]);
    Tensor total = out[0].sum().add(out[1].sum());
    if (lstm) {
      g.assertClose("out.c", out[2]);
      total = total.add(out[2].sum());
    }
    total.backward();
    g.assertClose("grad.x", x.grad(), 1e-4, 1e-3);
    if (h0 != null) {
      g.assertClose("grad.h0", h0.grad(), 1e-4, 1e-3);
    }
    if (c0 != null) {
      g.assertClose("grad.c0", c0.grad(), 1e-4, 1e-3);
    }
    g.assertParameterGrads(m);
  }

  private static Tensor[] parts(RnnOutput o) {
    return new Tensor[] {o.output(), o.hN()};
  }

  private static Tensor[] parts(LstmOutput o) {
    return new Tensor[] {o.output(), o.hN(), o.cN()};
  }

  @Test
  void rnnTanh_oneLayer() {
    RNN m = new RNN(3, 4);
    rnn("rnn_tanh", m, false, a -> parts(m.forwardWithState(a[0], a[1])));
  }

  @Test
  void rnnRelu_twoLayers_fromAGivenState() {
    RNN m = new RNN(3, 4, 2, "relu", true, false, 0.0, false);
    rnn("rnn_relu_2layer_h0", m, false, a -> parts(m.forwardWithState(a[0], a[1])));
    assertEquals("RNN(3, 4, num_layers=2)", m.toString());
  }

  @Test
  void lstm_oneLayer_fromZeroStates() {
    LSTM m = new LSTM(3, 4);
    rnn("lstm", m, true, a -> parts(m.forwardWithState(a[0], null, null)));
  }

  @Test
  void lstm_bidirectionalTwoLayersBatchFirst_fromGivenStates() {
    LSTM m = new LSTM(3, 4, 2, true, true, 0.0, true);
    rnn("lstm_bi_2layer_batch_first", m, true,
        a -> parts(m.forwardWithState(a[0], a[1], a[2])));
    assertArrayEquals(new long[] {2, 5, 8}, m.forward(Torch.zeros(2, 5, 3)).shape());
  }

  @Test
  void lstm_forwardWithStatesAndFinalHidden_matchTheRecord() {
    LSTM m = new LSTM(3, 4, 2, true, true, 0.0, true);
    // Three runs, one per typed entry point; the summed gradient equals one run's.
    rnn("lstm_bi_2layer_batch_first", m, true, a -> new Tensor[] {m.forward(a[0], a[1], a[2]),
        m.finalHidden(a[0], a[1], a[2]), m.forwardWithState(a[0], a[1], a[2]).cN()});
  }

  @Test
  void lstm_finalHiddenFromZeroStates_matchesPyTorch() {
    LSTM m = new LSTM(3, 4);
    rnn("lstm", m, true, a -> new Tensor[] {m.forward(a[0]), m.finalHidden(a[0]),
        m.forwardWithState(a[0], null, null).cN()});
  }

  @Test
  void rnn_forwardWithStateAndFinalHidden_matchPyTorch() {
    RNN m = new RNN(3, 4, 2, "relu", true, false, 0.0, false);
    rnn("rnn_relu_2layer_h0", m, false,
        a -> new Tensor[] {m.forward(a[0], a[1]), m.finalHidden(a[0], a[1])});
  }

  @Test
  void gru_finalHiddenFromAZeroState_matchesPyTorch() {
    GRU m = GRU.batchFirst(3, 4, 1);
    rnn("gru", m, false, a -> new Tensor[] {m.forward(a[0], null), m.finalHidden(a[0])});
  }

  @Test
  void gru_finalHiddenWithAStateOfTheWrongLayout_isAShapeError() {
    GRU batchFirst = GRU.batchFirst(3, 4, 1);
    Tensor sequenceFirstData = Torch.zeros(5, 2, 3);
    ShapeException e = assertThrows(ShapeException.class,
        () -> batchFirst.finalHidden(sequenceFirstData, Torch.zeros(1, 2, 4)));
    assertEquals("[shape.mismatch.rnn.input] GRU.finalHidden: initial state [1, 2, 4] must be"
        + " [1, 5, 4] for input [5, 2, 3] read as batch-first [N, L, In]; is the input's layout"
        + " what batchFirst says?", e.getMessage());
  }

  @Test
  void gru_batchFirst() {
    GRU m = GRU.batchFirst(3, 4, 1);
    rnn("gru", m, false, a -> parts(m.forwardWithState(a[0], null)));
  }

  @Test
  void gru_bidirectionalWithoutBias() {
    GRU m = new GRU(3, 4, 1, false, false, 0.0, true);
    List<String> names = new ArrayList<>(m.namedParameters().keySet());
    assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "weight_ih_l0_reverse",
        "weight_hh_l0_reverse"), names);
    rnn("gru_bi_nobias", m, false, a -> parts(m.forwardWithState(a[0], null)));
  }

  @Test
  void rnn_unbatchedSequence_runsAsABatchOfOne_asPyTorch() {
    RNN m = new RNN(3, 4, 2, "tanh", true, false, 0.0, false);
    rnn("rnn_unbatched_2layer_h0", m, false, a -> parts(m.forwardWithState(a[0], a[1])));
  }

  @Test
  void gru_unbatchedSequence_bidirectionalBatchFirst_matchesPyTorch() {
    GRU m = new GRU(3, 4, 1, true, true, 0.0, true);
    rnn("gru_unbatched_bi_batch_first", m, false,
        a -> new Tensor[] {m.forward(a[0]), m.finalHidden(a[0])});
  }

  @Test
  void lstm_unbatchedSequence_fromGivenStates_matchesPyTorch() {
    LSTM m = new LSTM(3, 4, 2, true, false, 0.0, true);
    // One run per typed entry point; the summed gradient equals one run's.
    rnn("lstm_unbatched_bi_2layer", m, true, a -> new Tensor[] {m.forward(a[0], a[1], a[2]),
        m.finalHidden(a[0], a[1], a[2]), m.forwardWithState(a[0], a[1], a[2]).cN()});
  }

  @Test
  void lstm_unbatchedSequence_equalsTheBatchOfOne() {
    LSTM m = new LSTM(3, 4, 1, true, true, 0.0, false);
    Tensor x = Torch.randn(5, 3);
    LstmOutput one = m.forwardWithState(x, null, null);
    LstmOutput batch = m.forwardWithState(x.unsqueeze(0), null, null);
    assertArrayEquals(new long[] {5, 4}, one.output().shape());
    assertArrayEquals(new long[] {1, 4}, one.hN().shape());
    assertArrayEquals(batch.output().squeeze(0).toFloatArray(), one.output().toFloatArray());
    assertArrayEquals(batch.hN().squeeze(1).toFloatArray(), one.hN().toFloatArray());
    assertArrayEquals(batch.cN().squeeze(1).toFloatArray(), one.cN().toFloatArray());
  }

  @Test
  void rnn_unbatchedSequenceWithABatchedState_isAShapeError_notLibtorchs() {
    RNN m = new RNN(3, 4, 2, "tanh", true, false, 0.0, false);
    ShapeException e = assertThrows(ShapeException.class,
        () -> m.forward(Torch.zeros(5, 3), Torch.zeros(2, 1, 4)));
    assertEquals("[shape.mismatch.rnn.input] RNN.forward: initial state [2, 1, 4] must be [2, 4]"
        + " for input [5, 3]; is the input's layout what batchFirst says?", e.getMessage());
  }

  @Test
  void recurrentSpec_namesTheConstructorArguments_andItsTypeDimsAreTheHyperparameters() {
    LSTM m = new LSTM(3, 4, 2, false, true, 0.25, true);
    assertEquals(new RecurrentSpec(3, 4, 2, true, true, false, 0.25), m.spec());
    assertEquals(2, m.spec().directions());
    assertArrayEquals(new long[] {3, 4, 2, 1, 1}, m.spec().typeDims());
    assertArrayEquals(m.spec().typeDims(), m.hyperparameters());
    assertEquals(new RecurrentSpec(3, 4, 1, false, false, true, 0.0), new GRU(3, 4).spec());
    assertEquals(new RecurrentSpec(3, 4, 2, false, true, true, 0.0),
        RNN.batchFirst(3, 4, 2).spec());
  }

  @Test
  void recurrent_defaultInit_isUniformInPlusMinusOneOverSqrtHidden() {
    LSTM m = new LSTM(5, 16, 2);
    double bound = 1 / Math.sqrt(16);
    for (Parameter p : m.parameters()) {
      for (float v : p.get().toFloatArray()) {
        assertTrue(Math.abs(v) <= bound, "|" + v + "| <= " + bound);
      }
    }
    assertEquals(4 * 16 * 5, m.namedParameters().get("weight_ih_l0").get().numel());
    assertEquals(4 * 16 * 16, m.namedParameters().get("weight_ih_l1").get().numel());
  }

  @Test
  void lstm_batchFirstStateOfTheWrongLayout_isAShapeError() {
    LSTM seqFirst = new LSTM(3, 4);
    Tensor batchFirstData = Torch.zeros(2, 5, 3);
    Tensor h0ForBatch2 = Torch.zeros(1, 2, 4);
    ShapeException e = assertThrows(ShapeException.class,
        () -> seqFirst.forwardWithState(batchFirstData, h0ForBatch2, h0ForBatch2));
    assertEquals("shape.mismatch.rnn.input", e.key());
    assertTrue(e.getMessage().startsWith("[shape.mismatch.rnn.input] LSTM.forwardWithState:"
        + " initial state [1, 2, 4] must be [1, 5, 4] for input [2, 5, 3] read as sequence-first"),
        e.getMessage());
    e = assertThrows(ShapeException.class, () -> seqFirst.forward(Torch.zeros(5, 2, 4)));
    assertEquals("[shape.mismatch.rnn.input] LSTM.forward: the input's last dim must be the"
        + " input size 3: input is [5, 2, 4] (dim 2 = 4)", e.getMessage());
  }

  @Test
  void lstm_cellStateOfAnotherShapeThanTheHiddenState_isAShapeErrorUnderTheTypedForward() {
    LSTM bidirectional = new LSTM(3, 4, 1, true, false, 0.0, true);
    Tensor x = Torch.zeros(5, 2, 3);
    Tensor h0 = Torch.zeros(2, 2, 4);
    Tensor oneDirection = Torch.zeros(1, 2, 4);
    String want = "[shape.mismatch.rnn.input] LSTM.forward: initial cell state [1, 2, 4] must be"
        + " [2, 2, 4] for input [5, 2, 3] read as sequence-first [L, N, In]; is the input's"
        + " layout what batchFirst says?";
    ShapeException e = assertThrows(ShapeException.class,
        () -> bidirectional.forward(x, h0, oneDirection));
    assertEquals(want, e.getMessage());
    e = assertThrows(ShapeException.class, () -> bidirectional.forwardWithState(x, null,
        oneDirection));
    assertEquals(want.replace("LSTM.forward:", "LSTM.forwardWithState:"), e.getMessage());
    // An absent state is zeros of the shape the rule gives, beside a given one.
    assertArrayEquals(new long[] {2, 2, 4},
        bidirectional.forwardWithState(x, h0, null).cN().shape());
    IllegalArgumentException nullInput = assertThrows(IllegalArgumentException.class,
        () -> bidirectional.forward(null, h0, h0));
    assertEquals("LSTM.forward: input is null; pass a tensor", nullInput.getMessage());
  }

  @Test
  void multiheadAttention_sequenceFirst() {
    MultiheadAttention m = new MultiheadAttention(4, 2);
    attention("mha", m, false);
  }

  @Test
  void multiheadAttention_batchFirst() {
    MultiheadAttention m = new MultiheadAttention(6, 3, 0.0, true);
    attention("mha_batch_first", m, true);
  }

  private static void attention(String fixture, MultiheadAttention m, boolean batchFirst) {
    Golden g = Golden.load(fixture);
    g.loadInto(m);
    Tensor q = g.leaf("in.q");
    Tensor k = g.leaf("in.k");
    Tensor v = g.leaf("in.v");
    MultiheadAttention.Output o = m.forwardWithWeights(q, k, v, null, null);
    g.assertClose("out.y", o.output());
    g.assertClose("out.weights", o.weights());
    o.output().sum().add(o.weights().sum()).backward();
    g.assertClose("grad.q", q.grad(), 1e-4, 1e-3);
    g.assertClose("grad.k", k.grad(), 1e-4, 1e-3);
    g.assertClose("grad.v", v.grad(), 1e-4, 1e-3);
    g.assertParameterGrads(m);
    assertArrayEquals(o.output().toFloatArray(), m.forward(q, k, v).toFloatArray(), 1e-6f);
  }

  @Test
  void multiheadAttention_masksHideKeys() {
    Torch.manualSeed(3);
    MultiheadAttention m = new MultiheadAttention(4, 2);
    Tensor q = Torch.randn(3, 1, 4);
    Tensor kv = Torch.randn(5, 1, 4);
    Tensor padding = Torch.fromArray(new boolean[] {false, false, true, true, true}, 1, 5);
    MultiheadAttention.Output padded = m.forwardWithWeights(q, kv, kv, padding, null);
    float[] w = padded.weights().toFloatArray();
    for (int l = 0; l < 3; l++) {
      for (int s = 2; s < 5; s++) {
        assertEquals(0f, w[l * 5 + s], "masked key " + s);
      }
    }
    Tensor firstTwo = kv.narrow(0, 0, 2);
    assertArrayEquals(m.forward(q, firstTwo, firstTwo).toFloatArray(),
        padded.output().toFloatArray(), 1e-5f);
    boolean[] later = new boolean[15];
    for (int l = 0; l < 3; l++) {
      for (int s = l + 1; s < 5; s++) {
        later[l * 5 + s] = true;
      }
    }
    Tensor causal = Torch.fromArray(later, 3, 5);
    float[] cw = m.forwardWithWeights(q, kv, kv, null, causal).weights().toFloatArray();
    assertEquals(1f, cw[0], 1e-6f);
  }

  @Test
  void transformerEncoderLayer_postNormReluSequenceFirst() {
    TransformerEncoderLayer t = new TransformerEncoderLayer(4, 2, 8, 0.0, "relu", 1e-5, false, false);
    encoder("transformer_encoder_layer", t);
    assertEquals(List.of("self_attn.in_proj_weight", "self_attn.in_proj_bias",
        "self_attn.out_proj.weight", "self_attn.out_proj.bias", "linear1.weight", "linear1.bias",
        "linear2.weight", "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight",
        "norm2.bias"), new ArrayList<>(t.namedParameters().keySet()));
  }

  @Test
  void transformerEncoderLayer_preNormGeluBatchFirst() {
    TransformerEncoderLayer t = new TransformerEncoderLayer(4, 2, 6, 0.0, "gelu", 1e-5, true, true);
    encoder("transformer_encoder_layer_norm_first", t);
  }

  private static void encoder(String fixture, TransformerEncoderLayer t) {
    Golden g = Golden.load(fixture);
    g.loadInto(t);
    Tensor x = g.leaf("in.x");
    Tensor y = t.forward(x);
    g.assertClose("out.y", y, 1e-4, 1e-3);
    y.sum().backward();
    g.assertClose("grad.x", x.grad(), 1e-4, 1e-3);
    g.assertParameterGrads(t);
  }
}

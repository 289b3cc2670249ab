package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.Transformer;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Masks checked against the layer's layout (MULTIHEAD_ATTENTION_MASKS,
 * TRANSFORMER_ENCODER_MASKS, SCALED_DOT_PRODUCT_ATTENTION): the run-time text of the mistakes
 * processor-tests' AttentionMasksRejected makes at compile time, the masks' dtypes, absent
 * masks, and MultiheadAttention with masks against PyTorch 1.13
 * (golden/nn/mha_masks_*.txt from nn_attention_masks_golden.py).
 */
class AttentionMasksTest {
  private static final String SEQ_FIRST = "the layer is sequence-first (query [L, N, E] ="
      + " [3, 4, 8], key [S, N, E] = [10, 4, 8]); ";

  private final MultiheadAttention seqFirst = new MultiheadAttention(8, 2);
  private final MultiheadAttention batchFirst = new MultiheadAttention(8, 2, 0.0, true);
  private final Tensor q = Torch.zeros(3, 4, 8);
  private final Tensor kv = Torch.zeros(10, 4, 8);

  @Test
  void headline_batchFirstDataWithItsPaddingMask_givenToASequenceFirstLayer() {
    Tensor data = Torch.zeros(4, 10, 8); // [N, S, E]
    Tensor padding = Torch.zeros(new long[] {4, 10}, DType.BOOL); // [N, S]
    shapeError("[shape.mismatch.mask] MultiheadAttention.forward: keyPaddingMask: the layer is"
        + " sequence-first (query [L, N, E] = [4, 10, 8], key [S, N, E] = [4, 10, 8]); a key"
        + " padding mask is [N, S] = [10, 4], found [4, 10]; transpose the mask or construct"
        + " the layer with batchFirst = true",
        () -> seqFirst.forward(data, data, data, padding, null));
    // Fixed as the message says: the batch-first layer takes the data and the mask.
    assertArrayEquals(new long[] {4, 10, 8},
        batchFirst.forward(data, data, data, padding, null).shape());
  }

  /** The same mistakes as processor-tests' AttentionMasksRejected, with the same text. */
  @Test
  void wrongMasks_haveTheCheckersText() {
    shapeError("[shape.mismatch.mask] MultiheadAttention.forward: keyPaddingMask: " + SEQ_FIRST
        + "a key padding mask is [N, S] = [4, 10], found [10, 4]; transpose the mask or"
        + " construct the layer with batchFirst = true",
        () -> seqFirst.forward(q, kv, kv, Torch.zeros(new long[] {10, 4}, DType.BOOL), null));
    shapeError("[shape.mismatch.mask] MultiheadAttention.forwardWithWeights: attnMask: "
        + SEQ_FIRST + "an attention mask is [L, S] = [3, 10] or [N*Heads, L, S] = [8, 3, 10],"
        + " found [10, 3]; transpose the mask",
        () -> seqFirst.forwardWithWeights(q, kv, kv, null, Torch.zeros(10, 3)));
    shapeError("[shape.mismatch.mask] MultiheadAttention.forward: attnMask: " + SEQ_FIRST
        + "an attention mask is [L, S] = [3, 10] or [N*Heads, L, S] = [8, 3, 10], found"
        + " [4, 3, 10]; repeat it for each head (N*Heads = 8 rows, batch-major)",
        () -> seqFirst.forward(q, kv, kv, null, Torch.zeros(4, 3, 10)));
    shapeError("[shape.mismatch.mask] MultiheadAttention.forward: keyPaddingMask must be 2-D, a"
        + " key padding mask [N, S], found [4, 1, 10]",
        () -> seqFirst.forward(q, kv, kv, Torch.zeros(new long[] {4, 1, 10}, DType.BOOL), null));
    shapeError("[shape.mismatch.mask] MultiheadAttention.forward: keyPaddingMask: the layer is"
        + " batch-first (query [N, L, E] = [4, 3, 8], key [N, S, E] = [4, 10, 8]); a key padding"
        + " mask is [N, S] = [4, 10], found [10, 4]; transpose the mask or construct the layer"
        + " with batchFirst = false",
        () -> batchFirst.forward(Torch.zeros(4, 3, 8), Torch.zeros(4, 10, 8),
            Torch.zeros(4, 10, 8), Torch.zeros(new long[] {10, 4}, DType.BOOL), null));
    TransformerEncoderLayer layer = new TransformerEncoderLayer(4, 2, 8);
    shapeError("[shape.mismatch.mask] TransformerEncoderLayer.forward: srcKeyPaddingMask: the"
        + " layer is sequence-first (src [S, N, D] = [5, 2, 4]); a key padding mask is [N, S] ="
        + " [2, 5], found [5, 2]; transpose the mask or construct the layer with batchFirst ="
        + " true", () -> layer.forward(Torch.zeros(5, 2, 4), null,
            Torch.zeros(new long[] {5, 2}, DType.BOOL)));
    Transformer t = new Transformer(4, 2, 1, 1, 8);
    shapeError("[shape.mismatch.mask] Transformer.forward: srcKeyPaddingMask: the layer is"
        + " sequence-first (src [S, N, D] = [5, 2, 4], tgt [T, N, D] = [3, 2, 4]); a key padding"
        + " mask is [N, S] = [2, 5], found [5, 2]; transpose the mask or construct the layer"
        + " with batchFirst = true", () -> t.forward(Torch.zeros(5, 2, 4), Torch.zeros(3, 2, 4),
            null, null, null, Torch.zeros(new long[] {5, 2}, DType.BOOL), null, null));
  }

  @Test
  void scaledDotProductAttention_maskMustBroadcastToTheScores() {
    Tensor sq = Torch.zeros(2, 4, 3, 16);
    Tensor sk = Torch.zeros(2, 4, 7, 16);
    shapeError("[shape.mismatch.mask] Torch.scaledDotProductAttention: attnMask [7, 3] does not"
        + " broadcast to the scores [*b, L, S] = [2, 4, 3, 7]",
        () -> Torch.scaledDotProductAttention(sq, sk, sk, Torch.zeros(7, 3), 0.0, false));
    shapeError("[shape.mismatch.mask] Torch.scaledDotProductAttention: attnMask [2, 3, 7]",
        () -> Torch.scaledDotProductAttention(sq, sk, sk, Torch.zeros(2, 3, 7), 0.0, false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Torch.scaledDotProductAttention(sq, sk, sk,
            Torch.zeros(new long[] {3, 7}, DType.INT64), 0.0, false));
    assertTrue(e.getMessage().startsWith("Torch.scaledDotProductAttention: attnMask is"
        + " torch.int64; a mask is boolean"), e.getMessage());
    // Masks that broadcast: [L, S], [N, 1, 1, S] and a boolean one, and none.
    assertArrayEquals(new long[] {2, 4, 3, 16}, Torch.scaledDotProductAttention(sq, sk, sk,
        Torch.zeros(3, 7), 0.0, false).shape());
    assertArrayEquals(new long[] {2, 4, 3, 16}, F.scaledDotProductAttention(sq, sk, sk,
        Torch.ones(new long[] {2, 1, 1, 7}, DType.BOOL), 0.0, false).shape());
    assertArrayEquals(new long[] {2, 4, 3, 16},
        Torch.scaledDotProductAttention(sq, sk, sk, null, 0.0, true).shape());
  }

  @Test
  void maskDTypes_boolOrFloating_uint8Refused() {
    IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
        () -> seqFirst.forward(q, kv, kv, Torch.zeros(new long[] {4, 10}, DType.UINT8), null));
    assertEquals("MultiheadAttention.forward: keyPaddingMask is torch.uint8; a mask is boolean"
        + " (true: padding, ignored) or floating (added to the scores): convert a uint8 mask"
        + " with .to(DType.BOOL) (PyTorch deprecates uint8 masks)", u.getMessage());
    IllegalArgumentException i = assertThrows(IllegalArgumentException.class,
        () -> seqFirst.forward(q, kv, kv, null, Torch.zeros(new long[] {3, 10}, DType.INT64)));
    assertTrue(i.getMessage().startsWith("MultiheadAttention.forward: attnMask is torch.int64;"
        + " a mask is boolean (true: not allowed) or floating"), i.getMessage());
    // Floating and boolean masks of the right shapes, and absent ones, are taken.
    assertArrayEquals(new long[] {3, 4, 8},
        seqFirst.forward(q, kv, kv, Torch.zeros(4, 10), Torch.zeros(3, 10)).shape());
    assertArrayEquals(new long[] {3, 4, 8}, seqFirst.forward(q, kv, kv, null, null).shape());
    assertArrayEquals(new long[] {4, 3, 10},
        seqFirst.forwardWithWeights(q, kv, kv, null, null).weights().shape());
  }

  @Test
  void nullInputs_areNamed_notLeaked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> seqFirst.forward(null, kv, kv, Torch.zeros(4, 10), null));
    assertTrue(e.getMessage().startsWith("MultiheadAttention.forward: query is null"),
        e.getMessage());
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> seqFirst.forwardWithWeights(q, kv, null, null, Torch.zeros(3, 10)));
    assertTrue(v.getMessage().startsWith("MultiheadAttention.forwardWithWeights: value is null"),
        v.getMessage());
  }

  @Test
  void sequenceFirst_boolPaddingAndCausalMask_isPyTorchs() {
    MultiheadAttention m = new MultiheadAttention(4, 2);
    golden("mha_masks_seq_first", m);
  }

  @Test
  void batchFirst_boolPaddingAndPerHeadFloatMask_isPyTorchs() {
    MultiheadAttention m = new MultiheadAttention(6, 3, 0.0, true);
    golden("mha_masks_batch_first", m);
  }

  @Test
  void floatPaddingMask_isAddedToTheScores_asPyTorch() {
    MultiheadAttention m = new MultiheadAttention(4, 2);
    golden("mha_masks_float_padding", m);
  }

  private static void golden(String fixture, MultiheadAttention m) {
    Golden g = Golden.load(fixture);
    g.loadInto(m);
    Tensor q = g.leaf("in.q");
    Tensor k = g.leaf("in.k");
    Tensor v = g.leaf("in.v");
    Tensor padding = mask(g, "in.key_padding_mask");
    Tensor attn = mask(g, "in.attn_mask");
    MultiheadAttention.Output o = m.forwardWithWeights(q, k, v, padding, attn);
    g.assertClose("out.y", o.output());
    g.assertClose("out.weights", o.weights());
    o.output().sum().add(o.weights().sum()).backward();
    g.assertClose("grad.q", q.grad(), 1e-4, 1e-3);
    g.assertClose("grad.k", k.grad(), 1e-4, 1e-3);
    g.assertClose("grad.v", v.grad(), 1e-4, 1e-3);
    g.assertParameterGrads(m);
    // The fused path (no weights) gives the same output.
    assertArrayEquals(o.output().toFloatArray(),
        m.forward(q, k, v, padding, attn).toFloatArray(), 1e-5f);
  }

  /** A golden mask: boolean where PyTorch's was (written as 0/1 integers), else floating. */
  private static Tensor mask(Golden g, String key) {
    if (!g.has(key)) {
      return null;
    }
    Tensor t = g.tensor(key);
    return t.dtype() == DType.INT64 ? t.to(DType.BOOL) : t;
  }

  private static void shapeError(String prefix, Executable call) {
    ShapeException e = assertThrows(ShapeException.class, call);
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }
}

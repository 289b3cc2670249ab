import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.Transformer;
import dev.shapetorch.nn.attention.TransformerDecoder;
import dev.shapetorch.nn.attention.TransformerDecoderLayer;
import dev.shapetorch.nn.attention.TransformerEncoder;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Masks that do not fit the layer's layout, refused with the run time's text
 * (AttentionMasksTest in tensor-runtime makes the same mistakes).
 */
class AttentionMasksRejected {
  final MultiheadAttention seqFirst = new MultiheadAttention(8, 2);
  final MultiheadAttention batchFirst = new MultiheadAttention(8, 2, 0.0, true);

  void headline(@Shape({"N", "S", "8"}) Tensor batchFirstData, @Shape({"N", "S"}) Tensor padding) {
    // Batch-first data with its [N, S] padding mask, given to a sequence-first layer.
    // :: error: (shape.mismatch.mask) MultiheadAttention.forward: keyPaddingMask: the layer is sequence-first (query [L, N, E] = [N, S, 8], key [S, N, E] = [N, S, 8]); a key padding mask is [N, S] = [S, N], found [N, S]; transpose the mask or construct the layer with batchFirst = true
    seqFirst.forward(batchFirstData, batchFirstData, batchFirstData, padding, null);
  }

  void concrete() {
    Tensor q = Torch.zeros(3, 4, 8);
    Tensor kv = Torch.zeros(10, 4, 8);
    // A padding mask built [S, N] for a sequence-first layer.
    // :: error: (shape.mismatch.mask) MultiheadAttention.forward: keyPaddingMask: the layer is sequence-first (query [L, N, E] = [3, 4, 8], key [S, N, E] = [10, 4, 8]); a key padding mask is [N, S] = [4, 10], found [10, 4]; transpose the mask or construct the layer with batchFirst = true
    seqFirst.forward(q, kv, kv, Torch.zeros(new long[] {10, 4}, DType.BOOL), null);
    // :: error: (shape.mismatch.mask) MultiheadAttention.forwardWithWeights: attnMask: the layer is sequence-first (query [L, N, E] = [3, 4, 8], key [S, N, E] = [10, 4, 8]); an attention mask is [L, S] = [3, 10] or [N*Heads, L, S] = [8, 3, 10], found [10, 3]; transpose the mask
    seqFirst.forwardWithWeights(q, kv, kv, null, Torch.zeros(10, 3));
    // :: error: (shape.mismatch.mask) MultiheadAttention.forward: attnMask: the layer is sequence-first (query [L, N, E] = [3, 4, 8], key [S, N, E] = [10, 4, 8]); an attention mask is [L, S] = [3, 10] or [N*Heads, L, S] = [8, 3, 10], found [4, 3, 10]; repeat it for each head (N*Heads = 8 rows, batch-major)
    seqFirst.forward(q, kv, kv, null, Torch.zeros(4, 3, 10));
    // :: error: (shape.mismatch.mask) MultiheadAttention.forward: keyPaddingMask must be 2-D, a key padding mask [N, S], found [4, 1, 10]
    seqFirst.forward(q, kv, kv, Torch.zeros(new long[] {4, 1, 10}, DType.BOOL), null);
    // :: error: (shape.mismatch.mask) MultiheadAttention.forward: keyPaddingMask: the layer is batch-first (query [N, L, E] = [4, 3, 8], key [N, S, E] = [4, 10, 8]); a key padding mask is [N, S] = [4, 10], found [10, 4]; transpose the mask or construct the layer with batchFirst = false
    batchFirst.forward(Torch.zeros(4, 3, 8), Torch.zeros(4, 10, 8), Torch.zeros(4, 10, 8),
        Torch.zeros(new long[] {10, 4}, DType.BOOL), null);
  }

  void encoders(@Shape({"L", "B", "4"}) Tensor src, @Shape({"L", "B"}) Tensor padding) {
    var layer = new TransformerEncoderLayer(4, 2, 8);
    // :: error: (shape.mismatch.mask) TransformerEncoderLayer.forward: srcKeyPaddingMask: the layer is sequence-first (src [S, N, D] = [L, B, 4]); a key padding mask is [N, S] = [B, L], found [L, B]; transpose the mask or construct the layer with batchFirst = true
    layer.forward(src, null, padding);
    var stack = new TransformerEncoder(layer, 2);
    // :: error: (shape.mismatch.mask) TransformerEncoder.forward: srcMask: the layer is sequence-first (src [S, N, D] = [5, 2, 4]); an attention mask is [S, S] = [5, 5] or [N*Heads, S, S] = [4, 5, 5], found [2, 2]
    stack.forward(Torch.zeros(5, 2, 4), Torch.zeros(2, 2), null);
  }

  void decoders() {
    var layer = new TransformerDecoderLayer(4, 2, 8);
    Tensor tgt = Torch.zeros(3, 2, 4);
    Tensor memory = Torch.zeros(5, 2, 4);
    // :: error: (shape.mismatch.mask) TransformerDecoderLayer.forward: memoryMask: the layer is sequence-first (tgt [T, N, D] = [3, 2, 4], memory [S, N, D] = [5, 2, 4]); an attention mask is [T, S] = [3, 5] or [N*Heads, T, S] = [4, 3, 5], found [5, 3]; transpose the mask
    layer.forward(tgt, memory, null, Torch.zeros(5, 3), null, null);
    var stack = new TransformerDecoder(layer, 2);
    // :: error: (shape.mismatch.mask) TransformerDecoder.forward: memoryKeyPaddingMask: the layer is sequence-first (tgt [T, N, D] = [3, 2, 4], memory [S, N, D] = [5, 2, 4]); a key padding mask is [N, S] = [2, 5], found [2, 3]; pass one entry per batch element and key (true: ignore that key)
    stack.forward(tgt, memory, null, null, null, Torch.zeros(new long[] {2, 3}, DType.BOOL));
  }

  void transformer() {
    var t = new Transformer(4, 2, 1, 1, 8);
    Tensor src = Torch.zeros(5, 2, 4);
    Tensor tgt = Torch.zeros(3, 2, 4);
    // :: error: (shape.mismatch.mask) Transformer.forward: tgtMask: the layer is sequence-first (src [S, N, D] = [5, 2, 4], tgt [T, N, D] = [3, 2, 4]); an attention mask is [T, T] = [3, 3] or [N*Heads, T, T] = [4, 3, 3], found [5, 5]
    t.forward(src, tgt, null, Transformer.generateSquareSubsequentMask(5), null, null, null, null);
    // :: error: (shape.mismatch.mask) Transformer.forward: srcKeyPaddingMask: the layer is sequence-first (src [S, N, D] = [5, 2, 4], tgt [T, N, D] = [3, 2, 4]); a key padding mask is [N, S] = [2, 5], found [5, 2]; transpose the mask or construct the layer with batchFirst = true
    t.forward(src, tgt, null, null, null, Torch.zeros(new long[] {5, 2}, DType.BOOL), null, null);
  }

  void sdpa(@Shape({"2", "4", "3", "16"}) Tensor q, @Shape({"2", "4", "7", "16"}) Tensor k,
      @Shape({"2", "4", "7", "16"}) Tensor v) {
    // :: error: (shape.mismatch.mask) Torch.scaledDotProductAttention: attnMask [7, 3] does not broadcast to the scores [*b, L, S] = [2, 4, 3, 7]
    Torch.scaledDotProductAttention(q, k, v, Torch.zeros(7, 3), 0.0, false);
    // :: error: (shape.mismatch.mask)
    Torch.scaledDotProductAttention(q, k, v, Torch.zeros(2, 3, 7), 0.0, false);
  }
}

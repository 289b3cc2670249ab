import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.Transformer;
import dev.shapetorch.nn.attention.TransformerDecoder;
import dev.shapetorch.nn.attention.TransformerDecoderLayer;
import dev.shapetorch.nn.attention.TransformerEncoder;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Masks that fit the layer's layout: MULTIHEAD_ATTENTION_MASKS, TRANSFORMER_ENCODER_MASKS,
 * TRANSFORMER_DECODER_MASKS, TRANSFORMER_MASKS and SCALED_DOT_PRODUCT_ATTENTION accept them and
 * give the input's shape.
 */
class AttentionMasksAccepted {
  final MultiheadAttention seqFirst = new MultiheadAttention(8, 2);
  final MultiheadAttention batchFirst = new MultiheadAttention(8, 2, 0.0, true);

  void multihead(@Shape({"L", "N", "8"}) Tensor q, @Shape({"S", "N", "8"}) Tensor kv,
      @Shape({"N", "S"}) Tensor padding, @Shape({"L", "S"}) Tensor causal,
      @Shape({"N*2", "L", "S"}) Tensor perHead) {
    @Shape({"L", "N", "8"}) Tensor y = seqFirst.forward(q, kv, kv, padding, causal);
    @Shape({"L", "N", "8"}) Tensor z = seqFirst.forward(q, kv, kv, null, perHead);
    @Shape({"L", "N", "8"}) Tensor w = seqFirst.forward(q, kv, kv, padding, null);
    @Shape({"L", "N", "8"}) Tensor o =
        seqFirst.forwardWithWeights(q, kv, kv, padding, causal).output();
  }

  void batchFirstData(@Shape({"N", "L", "8"}) Tensor q, @Shape({"N", "S", "8"}) Tensor kv,
      @Shape({"N", "S"}) Tensor padding) {
    // The headline case, fixed: batch-first data with an [N, S] mask and a batch-first layer.
    @Shape({"N", "L", "8"}) Tensor y = batchFirst.forward(q, kv, kv, padding, null);
    @Shape({"N", "L", "8"}) Tensor z = batchFirst.forward(q, kv, kv, null, null);
  }

  void concrete() {
    Tensor padding = Torch.zeros(new long[] {4, 10}, DType.BOOL);
    @Shape({"3", "4", "8"}) Tensor y = seqFirst.forward(Torch.zeros(3, 4, 8),
        Torch.zeros(10, 4, 8), Torch.zeros(10, 4, 8), padding, Torch.zeros(3, 10));
  }

  void encoders(@Shape({"S", "N", "4"}) Tensor src, @Shape({"S", "S"}) Tensor mask,
      @Shape({"N", "S"}) Tensor padding) {
    var layer = new TransformerEncoderLayer(4, 2, 8);
    @Shape({"S", "N", "4"}) Tensor y = layer.forward(src, mask, padding);
    @Shape({"S", "N", "4"}) Tensor z = layer.forward(src, null, padding);
    var stack = new TransformerEncoder(layer, 2);
    @Shape({"S", "N", "4"}) Tensor s = stack.forward(src, mask, null);
  }

  void decoders(@Shape({"T", "N", "4"}) Tensor tgt, @Shape({"S", "N", "4"}) Tensor memory,
      @Shape({"T", "S"}) Tensor memoryMask, @Shape({"N", "T"}) Tensor tgtPadding,
      @Shape({"N", "S"}) Tensor memoryPadding, @Shape({"T", "T"}) Tensor causal) {
    var layer = new TransformerDecoderLayer(4, 2, 8);
    @Shape({"T", "N", "4"}) Tensor y =
        layer.forward(tgt, memory, causal, memoryMask, tgtPadding, memoryPadding);
    var stack = new TransformerDecoder(layer, 2);
    @Shape({"T", "N", "4"}) Tensor z = stack.forward(tgt, memory, causal, null, null, null);
  }

  void transformer(@Shape({"S", "N", "4"}) Tensor src, @Shape({"T", "N", "4"}) Tensor tgt,
      @Shape({"S", "S"}) Tensor srcMask, @Shape({"T", "S"}) Tensor memoryMask,
      @Shape({"N", "S"}) Tensor srcPadding, @Shape({"N", "T"}) Tensor tgtPadding,
      @Shape({"T", "T"}) Tensor causal) {
    var t = new Transformer(4, 2, 1, 1, 8);
    @Shape({"T", "N", "4"}) Tensor y = t.forward(src, tgt, srcMask, causal, memoryMask,
        srcPadding, tgtPadding, srcPadding);
    @Shape({"T", "N", "4"}) Tensor z = t.forward(src, tgt, null, null, null, null, null, null);
  }

  void sdpa(@Shape({"B", "H", "L", "16"}) Tensor q, @Shape({"B", "H", "S", "16"}) Tensor k,
      @Shape({"B", "H", "S", "32"}) Tensor v, @Shape({"L", "S"}) Tensor mask,
      @Shape({"B", "1", "1", "S"}) Tensor padding) {
    @Shape({"B", "H", "L", "32"}) Tensor y = Torch.scaledDotProductAttention(q, k, v, mask,
        0.0, false);
    @Shape({"B", "H", "L", "32"}) Tensor z = F.scaledDotProductAttention(q, k, v, padding,
        0.0, false);
    @Shape({"B", "H", "L", "32"}) Tensor c = Torch.scaledDotProductAttention(q, k, v, null,
        0.0, true);
  }
}

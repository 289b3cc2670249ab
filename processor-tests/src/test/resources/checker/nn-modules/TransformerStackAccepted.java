import dev.shapetorch.nn.attention.Transformer;
import dev.shapetorch.nn.attention.TransformerDecoder;
import dev.shapetorch.nn.attention.TransformerDecoderLayer;
import dev.shapetorch.nn.attention.TransformerEncoder;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * The transformer stacks: a stack's type is its layer's, [D, Heads, FF, BatchFirst]; the decoders
 * take tgt [T, N, D] and memory [S, N, D] (TRANSFORMER_DECODER), the Transformer src [S, N, D]
 * and tgt [T, N, D] (TRANSFORMER), and give tgt's shape; batch first puts N in front.
 */
class TransformerStackAccepted {
  void sequenceFirst(@Shape({"T", "N", "64"}) Tensor tgt, @Shape({"S", "N", "64"}) Tensor memory) {
    // nn.TransformerDecoderLayer(64, 4): dim_feedforward 2048, sequence-first.
    @Shape({"64", "4", "2048", "0"}) TransformerDecoderLayer layer = new TransformerDecoderLayer(64, 4);
    @Shape({"T", "N", "64"}) Tensor y = layer.forward(tgt, memory);
    // nn.TransformerDecoder(layer, 6): the layer's type.
    @Shape({"64", "4", "2048", "0"}) TransformerDecoder decoder = new TransformerDecoder(layer, 6);
    @Shape({"T", "N", "64"}) Tensor z = decoder.forward(tgt, memory);
    var normed = new TransformerDecoder(layer, 2, new LayerNorm(64));
    @Shape({"T", "N", "64"}) Tensor w = normed.forward(tgt, memory);

    @Shape({"64", "4", "128", "0"}) TransformerEncoder encoder =
        new TransformerEncoder(new TransformerEncoderLayer(64, 4, 128), 3);
    @Shape({"S", "N", "64"}) Tensor encoded = encoder.forward(memory);

    // nn.Transformer(d_model=64, nhead=4): src [S, N, 64], tgt [T, N, 64] -> [T, N, 64].
    @Shape({"64", "4", "2048", "0"}) Transformer t = new Transformer(64, 4);
    @Shape({"T", "N", "64"}) Tensor out = t.forward(memory, tgt);
  }

  void batchFirst(@Shape({"N", "T", "16"}) Tensor tgt, @Shape({"N", "S", "16"}) Tensor memory) {
    var layer = new TransformerDecoderLayer(16, 2, 32, 0.1, "relu", 1e-5, true, false);
    @Shape({"16", "2", "32", "1"}) TransformerDecoder decoder = new TransformerDecoder(layer, 2);
    @Shape({"N", "T", "16"}) Tensor y = decoder.forward(tgt, memory);
    var t = new Transformer(16, 2, 1, 1, 32, 0.0, "gelu", 1e-5, true, true);
    @Shape({"N", "T", "16"}) Tensor out = t.forward(memory, tgt);
  }

  void defaults(@Shape({"9", "2", "512"}) Tensor src, @Shape({"7", "2", "512"}) Tensor tgt) {
    // nn.Transformer(): d_model 512, nhead 8, dim_feedforward 2048, sequence-first.
    @Shape({"512", "8", "2048", "0"}) Transformer t = new Transformer();
    @Shape({"7", "2", "512"}) Tensor out = t.forward(src, tgt);
    @Shape({"7", "7"}) Tensor causal = Transformer.generateSquareSubsequentMask(7);
  }
}

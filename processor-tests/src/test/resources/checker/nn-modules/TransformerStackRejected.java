import dev.shapetorch.nn.attention.Transformer;
import dev.shapetorch.nn.attention.TransformerDecoder;
import dev.shapetorch.nn.attention.TransformerDecoderLayer;
import dev.shapetorch.nn.attention.TransformerEncoder;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** What the transformer stacks refuse at compile time, with the run time's text. */
class TransformerStackRejected {
  final TransformerDecoderLayer layer = new TransformerDecoderLayer(4, 2, 8);
  final TransformerDecoder decoder = new TransformerDecoder(layer, 2);
  final TransformerDecoder batchFirst =
      new TransformerDecoder(new TransformerDecoderLayer(4, 2, 8, 0.1, "relu", 1e-5, true, false), 2);
  final Transformer transformer = new Transformer(4, 2, 1, 1, 8);
  final TransformerEncoder encoder = new TransformerEncoder(new TransformerEncoderLayer(4, 2, 8), 2);

  void decoders() {
    // :: error: (shape.mismatch.argument) TransformerDecoderLayer.forward: memory [5, 2, 6] must end in the model size D = 4 (dim 2 = 6)
    layer.forward(Torch.zeros(3, 2, 4), Torch.zeros(5, 2, 6));
    // :: error: (shape.mismatch.argument) TransformerDecoder.forward: tgt [3, 2, 4] and memory [5, 3, 4] have different batch sizes (dim 1, as not batch first)
    decoder.forward(Torch.zeros(3, 2, 4), Torch.zeros(5, 3, 4));
    // :: error: (shape.mismatch.argument) TransformerDecoder.forward: tgt [2, 3, 4] and memory [3, 5, 4] have different batch sizes (dim 0, as batch first)
    batchFirst.forward(Torch.zeros(2, 3, 4), Torch.zeros(3, 5, 4));
    // :: error: (shape.rank) TransformerDecoder.forward: tgt must be 3-D
    decoder.forward(Torch.zeros(3, 4), Torch.zeros(5, 2, 4));
  }

  void transformers(@Shape({"5", "2", "4"}) Tensor src) {
    // :: error: (shape.mismatch.argument) Transformer.forward: tgt [3, 2, 5] must end in the model size D = 4 (dim 2 = 5)
    transformer.forward(src, Torch.zeros(3, 2, 5));
    // :: error: (shape.mismatch.argument) Transformer.forward: src [5, 2, 4] and tgt [3, 4, 4] have different batch sizes (dim 1, as not batch first)
    transformer.forward(src, Torch.zeros(3, 4, 4));
    // :: error: (shape.mismatch.argument)
    encoder.forward(Torch.zeros(5, 2, 3));
  }

  void types(@Shape({"T", "N", "4"}) Tensor tgt, @Shape({"S", "N", "4"}) Tensor memory) {
    // :: error: (shape.assignment)
    @Shape({"8", "2", "8", "0"}) TransformerDecoder wrongSize = new TransformerDecoder(layer, 3);
    // :: error: (shape.assignment)
    @Shape({"S", "N", "4"}) Tensor y = decoder.forward(tgt, memory);
  }
}

import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.Embedding appends its dim. */
class EmbeddingModule {
  final Embedding emb = new Embedding(1000, 64);

  void use(@Shape({"B", "T"}) Tensor ids) {
    @Shape({"B", "T", "64"}) Tensor e = emb.forward(ids);
    // :: error: (shape.assignment) dim 2: found 64, required 32
    @Shape({"B", "T", "32"}) Tensor f = emb.forward(ids);
  }
}

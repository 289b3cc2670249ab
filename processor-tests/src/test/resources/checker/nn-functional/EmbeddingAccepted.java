import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.embedding: [*] indices into a [V, E] table give [*, E]. */
class EmbeddingAccepted {
  void use(@Shape({"B", "T"}) Tensor ids, @Shape({"1000", "64"}) Tensor table) {
    @Shape({"B", "T", "64"}) Tensor e = F.embedding(ids, table);
  }
}

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The table must be 2-D. */
class EmbeddingRejected {
  void use(@Shape({"B", "T"}) Tensor ids, @Shape({"1000"}) Tensor table) {
    // :: error: (shape.embedding)
    F.embedding(ids, table);
  }
}

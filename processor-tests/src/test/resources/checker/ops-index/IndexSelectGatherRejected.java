import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The index tensor's rank must fit. */
class IndexSelectGatherRejected {
  void use(@Shape({"10", "4"}) Tensor table, @Shape({"3", "2"}) Tensor ids, @Shape({"10"}) Tensor pick) {
    // :: error: (shape.mismatch.index)
    table.indexSelect(0, ids);
    // :: error: (shape.mismatch.index)
    table.gather(1, pick);
  }
}

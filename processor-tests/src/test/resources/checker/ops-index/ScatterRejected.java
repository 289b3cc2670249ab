import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The index must have the input's rank and be no larger than the source. */
class ScatterRejected {
  void use(@Shape({"10", "4"}) Tensor table, @Shape({"3"}) Tensor ids,
      @Shape({"10", "2"}) Tensor pick, @Shape({"10", "1"}) Tensor src) {
    // :: error: (shape.mismatch.index)
    table.scatter(1, ids, 1.0);
    // :: error: (shape.mismatch.index)
    table.scatter(1, pick, src);
  }
}

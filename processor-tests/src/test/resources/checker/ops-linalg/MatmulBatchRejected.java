import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Batch dimensions of a batched matmul must broadcast. */
class MatmulBatchRejected {
  void use(@Shape({"2", "3", "4"}) Tensor a, @Shape({"5", "4", "6"}) Tensor b) {
    // :: error: (shape.mismatch.matmul.batch)
    a.matmul(b);
  }
}

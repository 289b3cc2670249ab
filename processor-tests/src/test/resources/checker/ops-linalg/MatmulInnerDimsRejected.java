import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The inner dimensions must agree. */
class MatmulInnerDimsRejected {
  void use(@Shape({"B", "784"}) Tensor x, @Shape({"128", "10"}) Tensor w) {
    // :: error: (shape.mismatch.matmul) Tensor.matmul: inner dimensions differ: a is [B, 784] (dim 1 = 784), b is [128, 10] (dim 0 = 128)
    x.matmul(w);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Torch.matmul's 1-D, 2-D and batched cases. */
class MatmulCasesAccepted {
  void use(@Shape({"B", "3", "4"}) Tensor batch, @Shape({"4", "5"}) Tensor m, @Shape({"4"}) Tensor v) {
    @Shape({"B", "3", "5"}) Tensor a = batch.matmul(m);
    @Shape({"B", "3"}) Tensor b = batch.matmul(v);
    @Shape({"5"}) Tensor c = v.matmul(m);
    @Shape({}) Tensor d = v.matmul(v);
  }
}

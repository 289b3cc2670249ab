import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Torch.mm wants 2-D operands with equal inner sizes. */
class MmRejected {
  void use(@Shape({"2", "3"}) Tensor a, @Shape({"4", "7"}) Tensor b, @Shape({"3"}) Tensor v) {
    // :: error: (shape.mismatch.matmul.mm) Torch.mm: inner dimensions differ: a is [2, 3] (dim 1 = 3), b is [4, 7] (dim 0 = 4)
    Torch.mm(a, b);
    // :: error: (shape.rank)
    Torch.mm(a, v);
  }
}

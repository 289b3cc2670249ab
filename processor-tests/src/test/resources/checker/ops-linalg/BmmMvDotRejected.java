import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Batch sizes, inner sizes, vector lengths: each op reports its own key. */
class BmmMvDotRejected {
  void use(@Shape({"8", "2", "3"}) Tensor a, @Shape({"4", "3", "5"}) Tensor b,
      @Shape({"8", "4", "5"}) Tensor c, @Shape({"2", "3"}) Tensor m, @Shape({"4"}) Tensor u) {
    // :: error: (shape.mismatch.matmul.batch) Torch.bmm: batch sizes differ: a is [8, 2, 3] (dim 0 = 8), b is [4, 3, 5] (dim 0 = 4)
    Torch.bmm(a, b);
    // :: error: (shape.mismatch.matmul.bmm) Tensor.bmm: inner dimensions differ: a is [8, 2, 3] (dim 2 = 3), b is [8, 4, 5] (dim 1 = 4)
    a.bmm(c);
    // :: error: (shape.mismatch.matmul.mv) Torch.mv: inner dimensions differ: a is [2, 3] (dim 1 = 3), b is [4] (dim 0 = 4)
    Torch.mv(m, u);
    // :: error: (shape.mismatch.matmul.dot) Torch.dot: inner dimensions differ: a is [4] (dim 0 = 4), b is [6] (dim 0 = 6)
    Torch.dot(u, m.flatten());
    // :: error: (shape.rank) Tensor.outer: expected a 1-D and a 1-D tensor: a is [2, 3], b is [4]
    m.outer(u);
  }
}

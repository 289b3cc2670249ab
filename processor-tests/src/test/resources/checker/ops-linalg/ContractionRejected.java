import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * tensordot's contracted dims, cdist's columns, and the ranks diag, cdist and meshgrid take are
 * checked as the runtime checks them (tensor-runtime's ContractionGoldenTest), with the same
 * text.
 */
class ContractionRejected {
  void use(@Shape({"B", "K"}) Tensor x, @Shape({"J", "P"}) Tensor w) {
    // :: error: (shape.mismatch.contraction) Torch.tensordot: contracted dims differ: a is [2, 3, 4] (dim 1 = 3), b is [4, 4, 5] (dim 0 = 4); contracted sizes must be equal (or 1)
    Torch.tensordot(Torch.zeros(2, 3, 4), Torch.zeros(4, 4, 5), 2);
    // :: error: (shape.mismatch.contraction)
    Torch.tensordot(x, w, 1);
    // :: error: (shape.dim.range)
    Torch.tensordot(x, w, 3);
    // :: error: (shape.mismatch.contraction)
    Torch.tensordot(x, w, new long[] {1}, new long[] {0});
    // :: error: (shape.dim.order)
    Torch.tensordot(Torch.zeros(2, 3, 3), Torch.zeros(3, 3, 5), new long[] {1, 1}, new long[] {0, 1});
    // :: error: (shape.mismatch.contraction) Torch.cdist: x1 and x2 need the same number of columns: x1 is [3, 4] (dim 1 = 4), x2 is [5, 3] (dim 1 = 3)
    Torch.cdist(Torch.zeros(3, 4), Torch.zeros(5, 3));
    // :: error: (shape.rank)
    Torch.diag(Torch.zeros(2, 3, 4));
    // :: error: (shape.rank)
    Torch.meshgrid("ij", Torch.zeros(2, 2), Torch.zeros(3));
  }

  void typed(@Shape({"N"}) Tensor v) {
    // :: error: (shape.assignment)
    @Shape({"N"}) Tensor wrong = Torch.diag(v);
    // :: error: (shape.assignment)
    @Shape({"8", "8"}) Tensor k = Torch.kron(Torch.zeros(2, 3), Torch.zeros(4, 5));
  }
}

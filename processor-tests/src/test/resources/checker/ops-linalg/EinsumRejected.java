import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A constant einsum equation is checked as the runtime checks it, with the same text
 * (tensor-runtime's EinsumGoldenTest asserts these messages at run time): letters with two sizes,
 * repeated letters over unequal dims, subscripts that do not fit a rank, '...' dims that do not
 * broadcast, equations that are no equation, and results assigned to the wrong type.
 */
class EinsumRejected {
  void use(@Shape({"B", "N", "M"}) Tensor a, @Shape({"C", "M", "P"}) Tensor c) {
    Tensor x = Torch.zeros(2, 3);
    Tensor y = Torch.zeros(4, 5);
    // :: error: (shape.mismatch.einsum) Torch.einsum: the letter j of "ij,jk->ik" has size 3 in operand 0 (dim 1) and size 4 in operand 1 (dim 0) ([4, 5]); the sizes of one letter must be equal, or 1 to broadcast
    Torch.einsum("ij,jk->ik", x, y);
    // :: error: (shape.mismatch.einsum)
    Torch.einsum("bij,bjk->bik", a, c);
    // :: error: (shape.mismatch.einsum)
    Torch.einsum("ii->i", x);
    // :: error: (shape.rank) Torch.einsum: the subscript "ijk" of operand 0 in "ijk" names 3 dims, but operand 0 is [2, 3] (rank 2); write one letter per dim, or '...' for the dims no letter names
    Torch.einsum("ijk", x);
    // :: error: (shape.mismatch.einsum)
    Torch.einsum("...ij,...jk", Torch.zeros(5, 2, 3), Torch.zeros(6, 3, 4));
    // :: error: (shape.einsum.syntax) Torch.einsum: the equation "i1" is not valid at index 1: '1' is no subscript; use letters a-z and A-Z, '...', ',' between operands and '->' before the output
    Torch.einsum("i1", Torch.zeros(2, 3));
    // :: error: (shape.einsum.syntax)
    Torch.einsum("ij,jk", x);
    // :: error: (shape.einsum.syntax)
    Torch.einsum("ij,jk->z", x, Torch.zeros(3, 4));
  }

  void typed(@Shape({"B", "N", "M"}) Tensor a, @Shape({"B", "M", "P"}) Tensor b) {
    // :: error: (shape.assignment)
    @Shape({"B", "P", "N"}) Tensor wrong = Torch.einsum("bij,bjk->bik", a, b);
    // :: error: (shape.assignment)
    @Shape({"B", "N", "P"}) Tensor summed = Torch.einsum("bij,bjk->ik", a, b);
  }
}

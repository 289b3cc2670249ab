import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * Torch.einsum with a constant equation has the shape PyTorch's einsum has: each output letter's
 * size in order, letters left out summed over, '...' for the dims no letter names; without '->'
 * the output is the letters seen once, in alphabetical order. An equation that is not a constant
 * gives a shape of unknown rank (gradual).
 */
class EinsumAccepted {
  static final String MATMUL = "ij,jk->ik";

  void use(@Shape({"B", "N", "M"}) Tensor a, @Shape({"B", "M", "P"}) Tensor b,
      @Shape({"B", "H", "T", "D"}) Tensor q, @Shape({"B", "H", "S", "D"}) Tensor k,
      @Shape({"N", "N"}) Tensor square, @Shape({"2", "3"}) Tensor x, @Shape({"3", "4"}) Tensor y,
      String equation) {
    @Shape({"B", "N", "P"}) Tensor product = Torch.einsum("bij,bjk->bik", a, b);
    @Shape({"B", "H", "T", "S"}) Tensor scores = Torch.einsum("bhqd,bhkd->bhqk", q, k);
    @Shape({}) Tensor trace = Torch.einsum("ii", square);
    @Shape({"N"}) Tensor diagonal = Torch.einsum("ii->i", square);
    @Shape({"2", "4"}) Tensor implicit = Torch.einsum("ij,jk", x, y);
    @Shape({"2", "4"}) Tensor viaConstant = Torch.einsum(MATMUL, x, y);
    @Shape({"4", "2"}) Tensor reordered = Torch.einsum("ij,jk->ki", x, y);
    @Shape({"3", "2"}) Tensor transposed = Torch.einsum("ba", x);
    @Shape({"2", "4"}) Tensor listed = Torch.einsum("ij,jk->ik", List.of(x, y));
    @Shape({"B", "N", "P"}) Tensor ellipsis = Torch.einsum("...ij,...jk->...ik", a, b);
    @Shape({"2", "4"}) Tensor broadcastLetter = Torch.einsum("ij,jk", Torch.zeros(2, 1), y);
    Tensor unknown = Torch.einsum(equation, x, y);
  }
}

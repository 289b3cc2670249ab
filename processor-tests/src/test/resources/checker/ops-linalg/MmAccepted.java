import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Torch.mm is [M,K] x [K,N]: the result keeps the symbolic sizes. */
class MmAccepted {
  void use(@Shape({"2", "3"}) Tensor a, @Shape({"3", "7"}) Tensor b) {
    @Shape({"2", "7"}) Tensor c = Torch.mm(a, b);
  }

  @Shape({"M", "N"}) Tensor symbolic(@Shape({"M", "K"}) Tensor a, @Shape({"K", "N"}) Tensor b) {
    @Shape({"M", "N"}) Tensor c = a.mm(b);
    return Torch.mm(a, b);
  }

  @Shape({"N", "M"}) Tensor transposed(@Shape({"M", "K"}) Tensor a, @Shape({"K", "N"}) Tensor b) {
    // :: error: (shape.return) found [M, N], required [N, M]
    return Torch.mm(a, b);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Torch.mm is [M,K] x [K,N]. */
class MmAccepted {
  void use(@Shape({"2", "3"}) Tensor a, @Shape({"3", "7"}) Tensor b) {
    @Shape({"2", "7"}) Tensor c = Torch.mm(a, b);
  }
}

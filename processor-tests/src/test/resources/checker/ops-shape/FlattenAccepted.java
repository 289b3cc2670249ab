import dev.shapetorch.tensor.Torch;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** flatten(start, end) and flatten(start) multiply the sizes they merge. */
class FlattenAccepted {
  void use(@Shape({"N", "C", "H", "W"}) Tensor x) {
    @Shape({"N", "C*H*W"}) Tensor a = x.flatten(1, -1);
    @Shape({"N*C", "H", "W"}) Tensor b = x.flatten(0, 1);
    @Shape({"N*C*H*W"}) Tensor c = x.flatten();
    // PyTorch's start_dim form, end_dim -1.
    @Shape({"N", "C*H*W"}) Tensor d = x.flatten(1);
    @Shape({"N", "C", "H*W"}) Tensor e = Torch.flatten(x, 2);
  }
}

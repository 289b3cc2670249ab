import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class IncompatibleSizes {
  void use() {
    // :: error: (shape.broadcast) shapes [2, 3] and [2, 4] cannot be broadcast
    Torch.zeros(2, 3).mul(Torch.zeros(2, 4));
  }
}

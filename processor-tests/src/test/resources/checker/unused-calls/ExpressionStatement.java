import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class ExpressionStatement {
  void use() {
    // :: error: (shape.broadcast)
    Torch.zeros(2, 3).add(Torch.zeros(4, 3));
  }
}

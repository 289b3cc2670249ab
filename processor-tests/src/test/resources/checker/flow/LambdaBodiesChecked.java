import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.function.Supplier;

class LambdaBodiesChecked {
  void use() {
    Supplier<Tensor> ok = () -> Torch.zeros(2, 3).matmul(Torch.zeros(3, 4));
    // :: error: (shape.mismatch.matmul)
    Supplier<Tensor> bad = () -> Torch.zeros(2, 3).matmul(Torch.zeros(2, 4));
  }
}

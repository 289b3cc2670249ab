import dev.shapetorch.shapes.Shape;
import java.util.function.Supplier;
import lib.Tensor;
import lib.Torch;

class LambdaBodiesChecked {
  void use() {
    Supplier<Tensor> ok = () -> Torch.zeros(2, 3).matmul(Torch.zeros(3, 4));
    // :: error: (shape.mismatch.matmul)
    Supplier<Tensor> bad = () -> Torch.zeros(2, 3).matmul(Torch.zeros(2, 4));
  }
}

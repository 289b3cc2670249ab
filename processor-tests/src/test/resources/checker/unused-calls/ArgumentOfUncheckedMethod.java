import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

class ArgumentOfUncheckedMethod {
  void use() {
    List<Tensor> out = new ArrayList<>();
    out.add(Torch.zeros(3, 3).matmul(Torch.zeros(3, 1)));
    // :: error: (shape.mismatch.matmul)
    out.add(Torch.zeros(3, 3).matmul(Torch.zeros(2, 1)));
  }
}

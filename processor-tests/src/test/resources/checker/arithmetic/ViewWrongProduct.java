import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class ViewWrongProduct {
  void use() {
    Tensor x = Torch.zeros(2, 3, 4);
    // :: error: (shape.reshape.numel)
    x.view(5, 5);
  }
}

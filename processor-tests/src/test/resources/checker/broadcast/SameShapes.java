import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class SameShapes {
  void use() {
    @Shape({"4", "5"}) Tensor s = Torch.zeros(4, 5).add(Torch.zeros(4, 5));
  }
}

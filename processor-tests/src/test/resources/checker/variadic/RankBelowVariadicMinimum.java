import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class RankBelowVariadicMinimum {
  static void image(@Shape({"*batch", "C", "H", "W"}) Tensor x) {}

  void use() {
    image(Torch.zeros(3, 28, 28));
    // :: error: (shape.rank) rank at least 3
    image(Torch.zeros(28, 28));
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class AcceptsMatchingShapes {
  static @Shape({"B", "10"}) Tensor classify(@Shape({"B", "784"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"32", "10"}) Tensor y = classify(Torch.zeros(32, 784));
  }
}

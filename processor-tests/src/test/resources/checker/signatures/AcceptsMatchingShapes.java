import dev.shapetorch.shapes.Shape;
import lib.Tensor;
import lib.Torch;

class AcceptsMatchingShapes {
  static @Shape({"B", "10"}) Tensor classify(@Shape({"B", "784"}) Tensor x) {
    return Torch.unknown();
  }

  void use() {
    @Shape({"32", "10"}) Tensor y = classify(Torch.zeros(32, 784));
  }
}

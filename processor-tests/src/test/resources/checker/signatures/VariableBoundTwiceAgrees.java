import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class VariableBoundTwiceAgrees {
  static @Shape({"N"}) Tensor dot(@Shape({"N", "D"}) Tensor a, @Shape({"N", "D"}) Tensor b) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"5"}) Tensor d = dot(Torch.zeros(5, 3), Torch.randn(5, 3));
  }
}

import dev.shapetorch.shapes.Shape;
import lib.Tensor;
import lib.Torch;

class VariableBoundTwiceAgrees {
  static @Shape({"N"}) Tensor dot(@Shape({"N", "D"}) Tensor a, @Shape({"N", "D"}) Tensor b) {
    return Torch.unknown();
  }

  void use() {
    @Shape({"5"}) Tensor d = dot(Torch.zeros(5, 3), Torch.randn(5, 3));
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class VariableBoundTwiceDisagrees {
  static @Shape({"N"}) Tensor dot(@Shape({"N", "D"}) Tensor a, @Shape({"N", "D"}) Tensor b) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    // :: error: (shape.mismatch.argument) with N = 5, D = 3 (dim 1: found 4, required D = 3)
    dot(Torch.zeros(5, 3), Torch.randn(5, 4));
  }
}

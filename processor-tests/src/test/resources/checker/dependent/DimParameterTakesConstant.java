import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class DimParameterTakesConstant {
  static @Shape({"n", "n"}) Tensor identity(@Dim int n) {
    return Torch.eye(n);
  }

  void use() {
    @Shape({"3", "3"}) Tensor i3 = identity(3);
    // :: error: (shape.assignment) dim 0: found 3, required 4
    @Shape({"4", "4"}) Tensor i4 = identity(3);
  }
}

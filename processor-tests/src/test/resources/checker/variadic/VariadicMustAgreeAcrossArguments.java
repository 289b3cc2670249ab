import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class VariadicMustAgreeAcrossArguments {
  static @Shape({"*s"}) Tensor blend(@Shape({"*s"}) Tensor a, @Shape({"*s"}) Tensor b) {
    return a;
  }

  void use() {
    blend(Torch.zeros(2, 3), Torch.randn(2, 3));
    // :: error: (shape.mismatch.argument) argument b is [3, 2], required [*s]
    blend(Torch.zeros(2, 3), Torch.randn(3, 2));
  }
}

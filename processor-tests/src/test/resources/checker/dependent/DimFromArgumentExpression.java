import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class DimFromArgumentExpression {
  static @Shape({"n"}) Tensor range(@Dim long n) {
    return Torch.arange(n);
  }

  static @Shape({"k*k"}) Tensor squares(int k) {
    return range(k * k);
  }

  void use() {
    @Shape({"16"}) Tensor s = squares(4);
    // :: error: (shape.assignment) dim 0: found 9, required 10
    @Shape({"10"}) Tensor t = squares(3);
  }
}

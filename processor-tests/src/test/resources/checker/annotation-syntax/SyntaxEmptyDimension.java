import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class SyntaxEmptyDimension {
  void f(Tensor x) {
    // :: error: (shape.annotation.syntax)
    @Shape({"B", ""}) Tensor t = x;
  }
}

import dev.shapetorch.shapes.Shape;
import lib.Tensor;

class SyntaxEmptyDimension {
  void f() {
    // :: error: (shape.annotation.syntax)
    @Shape({"B", ""}) Tensor t = new Tensor();
  }
}

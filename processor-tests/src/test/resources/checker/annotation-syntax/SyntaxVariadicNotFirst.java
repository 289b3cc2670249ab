import dev.shapetorch.shapes.Shape;
import lib.Tensor;

class SyntaxVariadicNotFirst {
  // :: error: (shape.annotation.syntax) may only be the first dimension
  void f(@Shape({"B", "...", "C"}) Tensor x) {}
}

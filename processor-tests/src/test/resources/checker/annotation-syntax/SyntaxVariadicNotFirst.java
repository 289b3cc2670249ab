import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class SyntaxVariadicNotFirst {
  // :: error: (shape.annotation.syntax) may only be the first dimension
  void f(@Shape({"B", "...", "C"}) Tensor x) {}
}

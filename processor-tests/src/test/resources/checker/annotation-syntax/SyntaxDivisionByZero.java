import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class SyntaxDivisionByZero {
  // :: error: (shape.annotation.syntax) non-zero divisor
  @Shape({"N/0"}) Tensor t;
}

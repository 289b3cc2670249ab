import dev.shapetorch.shapes.Shape;
import lib.Tensor;

class SyntaxDivisionByZero {
  // :: error: (shape.annotation.syntax) non-zero divisor
  @Shape({"N/0"}) Tensor t;
}

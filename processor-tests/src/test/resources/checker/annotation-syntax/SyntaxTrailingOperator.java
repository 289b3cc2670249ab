import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class SyntaxTrailingOperator {
  // :: error: (shape.annotation.syntax) expected a size, a name, '(' or '_' at position 2 in "1+"
  @Shape({"B", "1+"}) Tensor bad;
}

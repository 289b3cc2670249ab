import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class SyntaxUnbalancedParenthesis {
  // :: error: (shape.annotation.syntax) ')'
  @Shape({"(H-K/S+1"}) Tensor t;
}

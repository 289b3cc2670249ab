package syntax;

import dev.shapetorch.shapes.Shape;
import fixtures.Tensor;
import java.util.List;

class SyntaxErrors {
  // :: error: (shape.annotation.syntax)
  @Shape({"B", "H+*2"}) Tensor operatorWithoutOperand;

  // :: error: (shape.annotation.syntax)
  @Shape({"B", ""}) Tensor emptyDimension;

  // :: error: (shape.annotation.syntax)
  @Shape({"B", "(H-1"}) Tensor unbalancedParenthesis;

  // :: error: (shape.annotation.syntax)
  @Shape({"B", "784", "..."}) Tensor variadicNotFirst;

  // :: error: (shape.annotation.syntax)
  @Shape({"*"}) Tensor starWithoutName;

  // :: error: (shape.annotation.syntax)
  @Shape({"H/0"}) Tensor divisionByZero;

  // :: error: (shape.annotation.syntax)
  @Shape({"3x"}) Tensor numberFollowedByName;

  // :: error: (shape.annotation.syntax)
  @Shape({"B", "99999999999999999999"}) Tensor sizeTooLarge;

  // :: error: (shape.annotation.syntax) :: error: (shape.annotation.syntax)
  @Shape({"B B", "1", "C-"}) Tensor twoBadDimensions;

  // :: error: (shape.annotation.syntax)
  @Shape({"*batch", "*rest"}) Tensor twoVariadics;

  // :: error: (shape.annotation.syntax)
  @dev.shapetorch.shapes.Shape({"+"}) Tensor qualifiedAnnotationName;

  // :: error: (shape.annotation.syntax)
  @Shape("B," + "C") Tensor concatenatedConstant;

  // :: error: (shape.annotation.syntax)
  List<@Shape({"B", "H**W"}) Tensor> inATypeArgument;
}

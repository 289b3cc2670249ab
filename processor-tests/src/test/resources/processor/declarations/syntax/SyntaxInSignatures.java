package syntax;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import fixtures.Tensor;

class SyntaxInSignatures {
  // :: error: (shape.annotation.syntax)
  public @Shape({"n", "(n"}) SyntaxInSignatures(@Dim int n) {}

  // :: error: (shape.annotation.syntax)
  static @Shape({"B", "10%"}) Tensor inAReturnType(@Shape({"B", "10"}) Tensor x) {
    return x;
  }

  static Tensor inAParameter(
      // :: error: (shape.annotation.syntax)
      @Shape({"B", "7 8"}) Tensor x) {
    return x;
  }

  Tensor inAReceiver(
      // :: error: (shape.annotation.syntax)
      @Shape({"In", "Out)"}) SyntaxInSignatures this) {
    return null;
  }

  // :: error: (shape.annotation.syntax)
  record InARecordComponent(@Shape({"N", "-"}) Tensor x) {}
}

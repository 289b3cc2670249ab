package unbound;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import fixtures.Tensor;
import java.util.List;

class UnboundVariables {
  // :: error: (shape.annotation.unbound)
  static @Shape({"B", "N"}) Tensor resultVariableNotInParameters(@Shape({"B", "784"}) Tensor x) {
    return x;
  }

  // :: error: (shape.annotation.unbound)
  static @Shape({"B", "2*K"}) Tensor inArithmetic(@Shape({"B", "784"}) Tensor x) {
    return x;
  }

  // :: error: (shape.annotation.unbound)
  static @Shape({"*batch", "H"}) Tensor namedVariadic(@Shape({"...", "H"}) Tensor x) {
    return x;
  }

  // :: error: (shape.annotation.unbound) :: error: (shape.annotation.unbound)
  public @Shape({"In", "Out"}) UnboundVariables(@Dim long in, @Dim long out) {}

  // :: error: (shape.annotation.unbound)
  static List<@Shape({"N", "C"}) Tensor> inAResultTypeArgument(@Shape({"B", "C"}) Tensor x) {
    return List.of(x);
  }

  // :: error: (shape.annotation.unbound)
  @Shape({"M"}) Tensor instanceMethodWithoutReceiverShape() {
    return null;
  }

  // :: error: (shape.annotation.unbound)
  static @Shape({"B", "Cout"}) Tensor dimBindsAnotherName(
      @Shape({"B", "Cin"}) Tensor x, @Dim("Cot") long out) {
    return x;
  }
}

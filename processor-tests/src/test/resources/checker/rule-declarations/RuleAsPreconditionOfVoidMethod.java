import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/** On a void method, a rule is a precondition on the arguments. */
class RuleAsPreconditionOfVoidMethod {
  @ShapeRule(value = Rule.BROADCAST, args = {"dest", "src"})
  static void addInto(Tensor dest, Tensor src) {}

  void use(@Shape({"3", "4"}) Tensor a, @Shape({"4"}) Tensor b, @Shape({"5"}) Tensor c) {
    addInto(a, b);
    // :: error: (shape.broadcast)
    addInto(a, c);
  }
}

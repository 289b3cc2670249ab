import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/** A rule with a declared result: the rule checks the inputs, the signature gives the result. */
class RulePlusDeclaredResult {
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor average(@Shape({"*s"}) Tensor a, Tensor b) {
    return a;
  }

  void use(@Shape({"3", "4"}) Tensor x, @Shape({"4"}) Tensor y) {
    @Shape({"3", "4"}) Tensor ok = average(x, x);
    // :: error: (shape.mismatch.loss.same)
    average(x, y);
  }
}

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/** A @ShapeRule whose args name no parameter is reported at each call, naming the rule. */
class RuleNamesMissingParameter {
  @ShapeRule(value = Rule.BROADCAST, args = {"a", "c"})
  static Tensor blend(Tensor a, Tensor b) {
    return a;
  }

  void use(Tensor x) {
    // :: error: (shape.rule.arguments) names no parameter "c"
    blend(x, x);
  }
}

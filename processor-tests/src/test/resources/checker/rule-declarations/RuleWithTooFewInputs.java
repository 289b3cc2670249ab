import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

class RuleWithTooFewInputs {
  @ShapeRule(Rule.MATMUL)
  static Tensor square(Tensor a) {
    return a;
  }

  void use(Tensor x) {
    // :: error: (shape.rule.arguments) gives 1 inputs, the rule needs 2
    square(x);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/** Rule inputs can be constants written in args: "-1", "false". */
class RuleWithConstantArguments {
  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "-1", "false"})
  static Tensor sumLast(Tensor x) {
    return x.sum(-1);
  }

  @ShapeRule(value = Rule.REDUCE_DIM, args = {"x", "0", "true"})
  static Tensor sumFirstKeep(Tensor x) {
    return x.sum(0, true);
  }

  void use(@Shape({"4", "5"}) Tensor x) {
    @Shape({"4"}) Tensor a = sumLast(x);
    @Shape({"1", "5"}) Tensor b = sumFirstKeep(x);
    // :: error: (shape.assignment) found [4], required [5]
    @Shape({"5"}) Tensor c = sumLast(x);
  }
}

import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class ExplicitFieldTypeMatches {
  final @Shape({"784", "10"}) Linear fc = new Linear(784, 10);
  private final @Shape({"10", "10"}) Linear out = new Linear(10, 10);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
    return out.forward(fc.forward(x));
  }
}

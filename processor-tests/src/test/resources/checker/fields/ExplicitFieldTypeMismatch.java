import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;

class ExplicitFieldTypeMismatch {
  // :: error: (shape.assignment) fc: found [784, 10], required [784, 100] (dim 1: found 10, required 100)
  final @Shape({"784", "100"}) Linear fc = new Linear(784, 10);
}

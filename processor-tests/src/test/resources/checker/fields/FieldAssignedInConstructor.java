import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A field assigned in a constructor is checked against its declared type there. */
class FieldAssignedInConstructor {
  final @Shape({"784", "10"}) Linear fc;
  final @Shape({"10", "10"}) Linear out;

  FieldAssignedInConstructor() {
    fc = new Linear(784, 10);
    // :: error: (shape.assignment) out: found [10, 5], required [10, 10]
    out = new Linear(10, 5);
  }
}

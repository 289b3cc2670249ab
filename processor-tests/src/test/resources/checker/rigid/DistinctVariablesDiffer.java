import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class DistinctVariablesDiffer {
  static void f(@Shape({"A", "4"}) Tensor a, @Shape({"B", "4"}) Tensor b) {
    // :: error: (shape.assignment) y: found [A, 4], required [B, 4] (dim 0: found A, required B)
    @Shape({"B", "4"}) Tensor y = a;
    @Shape({"B", "4"}) Tensor z = b;
  }
}

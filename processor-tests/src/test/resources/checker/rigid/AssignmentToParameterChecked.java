import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class AssignmentToParameterChecked {
  static void f(@Shape({"N", "N"}) Tensor square) {
    square = square.matmul(square);
    // :: error: (shape.assignment) square: found [5, 5], required [N, N]
    square = Torch.eye(5);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class SymbolicArithmeticOfParameters {
  static @Shape({"2*n", "n+1"}) Tensor grid(int n) {
    return Torch.zeros(n * 2, 1 + n);
  }

  static @Shape({"n", "n"}) Tensor wrong(int n) {
    // :: error: (shape.return) dim 1: found n+1, required n
    return Torch.zeros(n, n + 1);
  }

  void use() {
    @Shape({"10", "6"}) Tensor g = grid(5);
  }
}

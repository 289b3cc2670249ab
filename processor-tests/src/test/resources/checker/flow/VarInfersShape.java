import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class VarInfersShape {
  void use() {
    var x = Torch.randn(32, 784);
    var w = Torch.randn(784, 10);
    var y = x.matmul(w);
    @Shape({"32", "10"}) Tensor ok = y;
    // :: error: (shape.assignment) bad: found [32, 10], required [10, 32]
    @Shape({"10", "32"}) Tensor bad = y;
  }
}

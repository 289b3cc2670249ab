import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class TernaryMerge {
  void use(boolean train) {
    var t = train ? Torch.zeros(32, 10) : Torch.zeros(32, 10);
    @Shape({"32", "10"}) Tensor ok = t;
    // :: error: (shape.assignment)
    @Shape({"32", "10"}) Tensor bad = train ? Torch.zeros(32, 10) : Torch.zeros(32, 11);
  }
}

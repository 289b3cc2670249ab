import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class NamedVariadicBindsPrefix {
  static @Shape({"*batch", "10"}) Tensor head(@Shape({"*batch", "64"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"2", "3", "10"}) Tensor a = head(Torch.zeros(2, 3, 64));
    @Shape({"10"}) Tensor b = head(Torch.zeros(64));
    // :: error: (shape.assignment) a2: found [2, 3, 10], required [2, 10] (rank 3 is not 2)
    @Shape({"2", "10"}) Tensor a2 = head(Torch.zeros(2, 3, 64));
  }
}

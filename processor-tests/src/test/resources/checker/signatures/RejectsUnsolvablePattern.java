import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class RejectsUnsolvablePattern {
  static @Shape({"B"}) Tensor halves(@Shape({"2*B"}) Tensor pairs) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"4"}) Tensor ok = halves(Torch.zeros(8));
    // :: error: (shape.mismatch.argument.unsolvable) no size B gives 2*B = 9
    halves(Torch.zeros(9));
  }
}

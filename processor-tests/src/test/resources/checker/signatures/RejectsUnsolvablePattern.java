import dev.shapetorch.shapes.Shape;
import lib.Tensor;
import lib.Torch;

class RejectsUnsolvablePattern {
  static @Shape({"B"}) Tensor halves(@Shape({"2*B"}) Tensor pairs) {
    return Torch.unknown();
  }

  void use() {
    @Shape({"4"}) Tensor ok = halves(Torch.zeros(8));
    // :: error: (shape.mismatch.argument.unsolvable) no size B gives 2*B = 9
    halves(Torch.zeros(9));
  }
}

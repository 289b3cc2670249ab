import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class UnderscoreAcceptsAnything {
  static void anyRows(@Shape({"_", "3"}) Tensor x) {}

  void use() {
    anyRows(Torch.zeros(1, 3));
    anyRows(Torch.zeros(1000, 3));
    @Shape({"_", "_"}) Tensor m = Torch.zeros(5, 6);
    // :: error: (shape.mismatch.argument) dim 1: found 4, required 3
    anyRows(Torch.zeros(2, 4));
  }
}

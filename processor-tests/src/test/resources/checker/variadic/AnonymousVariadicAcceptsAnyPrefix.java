import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class AnonymousVariadicAcceptsAnyPrefix {
  static void lastIsTen(@Shape({"...", "10"}) Tensor x) {}

  void use() {
    lastIsTen(Torch.zeros(10));
    lastIsTen(Torch.zeros(4, 5, 10));
    // :: error: (shape.mismatch.argument) dim 1: found 11, required 10
    lastIsTen(Torch.zeros(4, 11));
  }
}

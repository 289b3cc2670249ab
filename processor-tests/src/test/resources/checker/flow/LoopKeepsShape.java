import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class LoopKeepsShape {
  void use() {
    var w = Torch.randn(16, 16);
    var h = Torch.randn(4, 16);
    for (int step = 0; step < 10; step++) {
      h = h.matmul(w).relu();
    }
    @Shape({"4", "16"}) Tensor last = h;
    // :: error: (shape.mismatch.matmul)
    h.matmul(Torch.randn(4, 16));
  }
}

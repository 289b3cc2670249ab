import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class RejectsDimMismatch {
  static @Shape({"B", "10"}) Tensor classify(@Shape({"B", "784"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    // :: error: (shape.mismatch.argument) RejectsDimMismatch.classify: argument x is [32, 28], required [B, 784] with B = 32 (dim 1: found 28, required 784)
    classify(Torch.zeros(32, 28));
  }
}

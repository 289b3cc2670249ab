import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class StaticFinalConstant {
  static final int BATCH = 64;
  static final int FEATURES = 28 * 28;

  void use() {
    @Shape({"64", "784"}) Tensor x = Torch.randn(BATCH, FEATURES);
    // :: error: (shape.assignment) dim 1: found 784, required 785
    @Shape({"64", "785"}) Tensor y = Torch.randn(BATCH, FEATURES);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class ConstantFieldInSignature {
  static final int HIDDEN = 128;

  /** HIDDEN names the constant field: the result is [B, 128]. */
  static @Shape({"B", "HIDDEN"}) Tensor encode(@Shape({"B", "784"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"2", "128"}) Tensor h = encode(Torch.zeros(2, 784));
    // :: error: (shape.assignment) dim 1: found 128, required 64
    @Shape({"2", "64"}) Tensor g = encode(Torch.zeros(2, 784));
  }
}

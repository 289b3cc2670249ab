import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class ReceiverParameterShape {
  static final class Image {
    @Shape({"C", "H*W"}) Tensor pixels(@Shape({"C", "H", "W"}) Image this) {
      throw new UnsupportedOperationException("declaration only");
    }
  }

  static @Shape({"3", "28", "28"}) Image load() {
    return new Image();
  }

  void use() {
    @Shape({"3", "784"}) Tensor p = load().pixels();
    // :: error: (shape.assignment) dim 1: found 784, required 785
    @Shape({"3", "785"}) Tensor q = load().pixels();
  }
}

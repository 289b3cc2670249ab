import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class FlattenProduct {
  @Shape({"B", "C*H*W"}) Tensor flat(@Shape({"B", "C", "H", "W"}) Tensor x) {
    return x.flatten(1, -1);
  }

  @Shape({"B", "400"}) Tensor concrete(@Shape({"B", "16", "5", "5"}) Tensor x) {
    return x.flatten(1, 3);
  }

  @Shape({"B", "C*H"}) Tensor wrong(@Shape({"B", "C", "H", "W"}) Tensor x) {
    // :: error: (shape.return) dim 1: found C*H*W, required C*H
    return x.flatten(1, -1);
  }
}

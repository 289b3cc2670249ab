import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class DimOrderMatters {
  static @Shape({"H", "W"}) Tensor f(@Shape({"W", "H"}) Tensor x) {
    // :: error: (shape.return) found [W, H], required [H, W] (dim 0: found W, required H)
    return x;
  }

  static @Shape({"H", "W"}) Tensor g(@Shape({"W", "H"}) Tensor x) {
    return x.t();
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class ExpressionsNormalise {
  static @Shape({"N*(M+1)"}) Tensor f(@Shape({"N", "M+1"}) Tensor x) {
    return x.flatten();
  }

  static @Shape({"N*M+N"}) Tensor g(@Shape({"N", "M+1"}) Tensor x) {
    return f(x);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class NamedVariadicIsRigid {
  static @Shape({"*batch", "10"}) Tensor head(@Shape({"*batch", "64"}) Tensor x) {
    // :: error: (shape.return) leading dims [4] are not *batch
    return Torch.zeros(4, 10);
  }

  static @Shape({"*batch", "64"}) Tensor same(@Shape({"*batch", "64"}) Tensor x) {
    return x.relu();
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Inside its method, an int parameter named in a shape is that size, symbolically. */
class ParameterStaysSymbolic {
  static @Shape({"n", "4"}) Tensor rows(int n) {
    return Torch.zeros(n, 4);
  }

  static @Shape({"n", "4"}) Tensor wrong(int n) {
    // :: error: (shape.return) dim 0: found 4, required n
    return Torch.zeros(4, 4);
  }

  void use() {
    @Shape({"7", "4"}) Tensor r = rows(7);
  }
}

import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** With a symbolic height, the output size stays an expression in H. */
class SymbolicConvOutput {
  @Shape({"N", "6", "H-4", "W-4"}) Tensor f(@Shape({"N", "1", "H", "W"}) Tensor x) {
    return new Conv2d(1, 6, 5).forward(x);
  }

  @Shape({"N", "6", "H-5", "W-4"}) Tensor g(@Shape({"N", "1", "H", "W"}) Tensor x) {
    // :: error: (shape.return) dim 2: found H-4, required H-5
    return new Conv2d(1, 6, 5).forward(x);
  }
}

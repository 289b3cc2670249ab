import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.maxPool2d halves with kernel 2. */
class MaxPool2dAccepted {
  void use(@Shape({"N", "6", "24", "24"}) Tensor x) {
    @Shape({"N", "6", "12", "12"}) Tensor y = F.maxPool2d(x, 2);
  }
}

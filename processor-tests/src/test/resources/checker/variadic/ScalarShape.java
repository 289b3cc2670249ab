import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** @Shape({}) is a 0-d scalar: sum() gives one, and a scalar is not a 1-element vector. */
class ScalarShape {
  void use() {
    @Shape({}) Tensor loss = Torch.zeros(4, 4).sum();
    // :: error: (shape.assignment) rank 0 is not 1
    @Shape({"1"}) Tensor one = Torch.zeros(4, 4).sum();
  }
}

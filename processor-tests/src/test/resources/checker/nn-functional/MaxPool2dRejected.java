import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A pooling window larger than the input. */
class MaxPool2dRejected {
  void use(@Shape({"N", "6", "2", "2"}) Tensor x) {
    // :: error: (shape.conv.size)
    F.maxPool2d(x, 3);
  }
}

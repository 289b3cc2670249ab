import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** where broadcasts its condition and both branches together. */
class WhereRejected {
  void use(@Shape({"4", "3"}) Tensor mask, @Shape({"4", "1"}) Tensor a, @Shape({"5"}) Tensor b) {
    // :: error: (shape.broadcast)
    Torch.where(mask, a, b);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Batch sizes, vector lengths. */
class BmmMvDotRejected {
  void use(@Shape({"8", "2", "3"}) Tensor a, @Shape({"4", "3", "5"}) Tensor b,
      @Shape({"2", "3"}) Tensor m, @Shape({"4"}) Tensor u) {
    // :: error: (shape.mismatch.argument) Torch.bmm
    Torch.bmm(a, b);
    // :: error: (shape.mismatch.argument) Torch.mv
    Torch.mv(m, u);
    // :: error: (shape.mismatch.argument) Torch.dot
    Torch.dot(u, m.flatten());
  }
}

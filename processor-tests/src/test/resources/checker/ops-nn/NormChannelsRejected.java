import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** The per-channel tensors must have the input's channels; groups must divide them. */
class NormChannelsRejected {
  void use(@Shape({"B", "6", "8", "8"}) Tensor x, @Shape({"4"}) Tensor w, @Shape({"6"}) Tensor b,
      @Shape({"6"}) Tensor features) {
    // :: error: (shape.mismatch.norm.channels)
    Torch.batchNorm(x, w, null, null, null, true, 0.1, 1e-5);
    // :: error: (shape.rank)
    Torch.batchNorm(features, null, null, null, null, true, 0.1, 1e-5);
    // :: error: (shape.mismatch.norm.channels)
    Torch.groupNorm(x, 4, b, b, 1e-5);
  }
}

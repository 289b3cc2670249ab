import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Batch and group norm keep the shape; their per-channel tensors have the input's channels. */
class NormChannelsAccepted {
  void use(@Shape({"B", "6", "8", "8"}) Tensor x, @Shape({"6"}) Tensor w, @Shape({"6"}) Tensor b) {
    @Shape({"B", "6", "8", "8"}) Tensor batch = Torch.batchNorm(x, w, b, null, null, true, 0.1,
        1e-5);
    @Shape({"B", "6", "8", "8"}) Tensor statsOnly = Torch.batchNorm(x, null, null, w, b, false,
        0.1, 1e-5);
    @Shape({"B", "6", "8", "8"}) Tensor group = Torch.groupNorm(x, 3, w, b, 1e-5);
  }
}

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** The failing inner call is reported once; the rest of the chain is then unknown, not an error. */
class InnerCallOfChain {
  void use() {
    Tensor x = Torch.zeros(8, 3);
    // :: error: (shape.mismatch.matmul)
    x.matmul(Torch.zeros(4, 5)).relu().sum().mul(2.0);
  }
}

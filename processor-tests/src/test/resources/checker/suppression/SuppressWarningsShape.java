import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** @SuppressWarnings("shape") silences the checker for one declaration; others still report. */
class SuppressWarningsShape {
  @SuppressWarnings("shape") // a deliberate mismatch, to show suppression
  void silenced() {
    Torch.zeros(2, 3).matmul(Torch.zeros(4, 5));
  }

  void reported() {
    // :: error: (shape.mismatch.matmul)
    Torch.zeros(2, 3).matmul(Torch.zeros(4, 5));
  }
}

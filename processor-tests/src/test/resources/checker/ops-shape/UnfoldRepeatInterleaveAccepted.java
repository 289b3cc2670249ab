import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * unfold's windows become a new last dim, (L - size) / step + 1 of them; repeatInterleave with
 * an int multiplies the dim; with a tensor of counts the size is unknown.
 */
class UnfoldRepeatInterleaveAccepted {
  void windows(@Shape({"B", "16"}) Tensor signal, @Shape({"B", "L"}) Tensor any) {
    @Shape({"B", "7", "4"}) Tensor frames = signal.unfold(1, 4, 2);
    @Shape({"B", "1", "16"}) Tensor whole = signal.unfold(-1, 16, 1);
    @Shape({"B", "(L-3)/1+1", "3"}) Tensor triples = any.unfold(1, 3, 1);
  }

  void repeats(@Shape({"B", "3"}) Tensor x, Tensor counts) {
    @Shape({"B", "6"}) Tensor twice = x.repeatInterleave(2, 1);
    @Shape({"B*3", "3"}) Tensor rows = Torch.repeatInterleave(x, 3, 0);
    Tensor ragged = x.repeatInterleave(counts, 1);
  }
}

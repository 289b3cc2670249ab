import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A loop that grows the rank ends with an unknown shape: nothing is reported. */
class LoopThatChangesRank {
  void use(int n) {
    Tensor t = Torch.zeros(3);
    for (int i = 0; i < n; i++) {
      t = t.unsqueeze(0);
    }
    @Shape({"1", "1", "3"}) Tensor maybe = t;
  }
}

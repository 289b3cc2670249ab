import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Different ranks keep their common trailing dims. */
class MergeOfDifferentRanks {
  void use(boolean batched) {
    Tensor t = batched ? Torch.zeros(4, 3, 10) : Torch.zeros(3, 10);
    @Shape({"...", "3", "10"}) Tensor ok = t;
    // :: error: (shape.assignment) dim -1: found 10, required 12
    @Shape({"...", "12"}) Tensor bad = t;
  }
}

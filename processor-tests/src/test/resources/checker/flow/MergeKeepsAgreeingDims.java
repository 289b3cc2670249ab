import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** After an if/else, dims both branches agree on are kept; the others become unknown. */
class MergeKeepsAgreeingDims {
  void use(boolean big) {
    Tensor t;
    if (big) {
      t = Torch.zeros(64, 10);
    } else {
      t = Torch.zeros(8, 10);
    }
    @Shape({"_", "10"}) Tensor ok = t;
    @Shape({"100", "10"}) Tensor alsoOk = t;
    // :: error: (shape.assignment) dim 1: found 10, required 11
    @Shape({"100", "11"}) Tensor bad = t;
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/** cat needs at least one tensor. */
class CatOfNothingRejected {
  void use() {
    // :: error: (shape.join.empty)
    Torch.cat(List.of(), 0);
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A factory's result has exactly its sizes; negative sizes are errors. */
class FactoriesRejected {
  void use() {
    // :: error: (shape.assignment) found [2, 3], required [3, 2]
    @Shape({"3", "2"}) Tensor z = Torch.zeros(2, 3);
    // :: error: (shape.size.negative)
    Torch.ones(2, -3);
  }
}

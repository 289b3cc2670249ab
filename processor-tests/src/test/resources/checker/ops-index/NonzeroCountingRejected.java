import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * nonzero of a 3-D tensor has 3 columns; bincount takes a vector, and weights of its length;
 * unique along a dim needs the dim.
 */
class NonzeroCountingRejected {
  void use(@Shape({"B", "T", "D"}) Tensor mask, @Shape({"N"}) Tensor labels,
      @Shape({"M"}) Tensor otherWeights) {
    // :: error: (shape.assignment) found [_, 3], required [_, 2]
    @Shape({"_", "2"}) Tensor where = mask.nonzero();
    // :: error: (shape.rank)
    mask.bincount();
    // :: error: (shape.mismatch.argument)
    Torch.bincount(labels, otherWeights, 0);
    // :: error: (shape.dim.range)
    mask.unique(true, false, false, 3);
  }
}

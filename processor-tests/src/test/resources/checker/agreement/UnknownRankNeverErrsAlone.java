import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * An input of unknown shape never errs on its own: repeat and expand give one dim per size,
 * unknown where the input's dims are, and -1 may keep a dim nobody knows.
 */
class UnknownRankNeverErrsAlone {
  void accepted(Tensor x) {
    @Shape({"_", "3"}) Tensor a = x.repeat(2, 1).matmul(Torch.randn(8, 3));
    @Shape({"_", "8"}) Tensor e = x.expand(-1, 8);
    @Shape({"_", "_", "4"}) Tensor r = x.repeat(1, 2, 2);
    @Shape({"2", "_", "8"}) Tensor f = x.expand(2, -1, 8);
  }

  void knownRankStillChecked(@Shape({"5", "8"}) Tensor x) {
    @Shape({"10", "8"}) Tensor a = x.repeat(2, 1);
    @Shape({"3", "5", "8"}) Tensor b = x.expand(3, -1, -1);
    // :: error: (shape.expand) Tensor.expand: size -1 at position 0 of [-1, 5, 8] is a new leading dim of [5, 8] and must be given (-1 only keeps an existing size)
    x.expand(-1, 5, 8);
  }

  void rejected(Tensor x) {
    // :: error: (shape.assignment) rank 2 is not 3
    @Shape({"_", "_", "_"}) Tensor r = x.repeat(2, 1);
    // :: error: (shape.size.negative)
    x.expand(-2, 8);
  }
}

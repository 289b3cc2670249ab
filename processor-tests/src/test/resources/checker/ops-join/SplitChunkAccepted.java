import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import java.util.List;

/** Every piece of split/chunk has the piece's shape (the last may be smaller). */
class SplitChunkAccepted {
  void use(@Shape({"8", "6"}) Tensor x) {
    for (@Shape({"_", "6"}) Tensor piece : x.split(4, 0)) {
      piece.relu();
    }
    List<Tensor> halves = x.chunk(2, 1);
    @Shape({"8", "3"}) Tensor left = halves.get(0);
    for (@Shape({"8", "3"}) Tensor half : x.chunk(2, 1)) {
      half.relu();
    }
  }
}

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * With constant sizes and a constant index, get(i) of a split or chunk is that piece's exact
 * shape, as the runtime cuts it (SplitPiecesTest in tensor-runtime): the last piece of an uneven
 * split is smaller; chunk makes pieces of ceil(size/chunks), so possibly fewer than asked.
 */
class SplitPiecesAccepted {
  void uneven(@Shape({"5", "3"}) Tensor x) {
    @Shape({"2", "3"}) Tensor a = x.split(2, 0).get(0);
    @Shape({"2", "3"}) Tensor b = x.split(2, 0).get(1);
    @Shape({"1", "3"}) Tensor c = x.split(2, 0).get(2);
    var parts = x.split(2, 0);
    @Shape({"1", "3"}) Tensor last = parts.get(2);
    @Shape({"5", "2"}) Tensor cols = x.split(2, -1).get(0);
    @Shape({"5", "1"}) Tensor lastCol = x.split(2, 1).get(1);
  }

  void chunks(@Shape({"5", "6"}) Tensor x) {
    List<Tensor> rows = x.chunk(4, 0);
    @Shape({"2", "6"}) Tensor a = rows.get(1);
    @Shape({"1", "6"}) Tensor c = rows.get(2);
    @Shape({"5", "2"}) Tensor d = x.chunk(4, 1).get(2);
    final int i = 2;
    @Shape({"1", "6"}) Tensor e = x.chunk(3, 0).get(i);
  }

  /** An index that is not a constant gives the shape every piece has, unknown where they differ. */
  void unknownIndex(@Shape({"5", "3"}) Tensor x, int i) {
    Tensor piece = x.split(2, 0).get(i);
    piece.matmul(Torch.randn(3, 4));
  }
}

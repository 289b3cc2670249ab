import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * The exact piece shape catches mistakes after an uneven split or chunk. An index out of range
 * is no shape error: the list's get throws IndexOutOfBoundsException there, so the checker says
 * nothing of it (and gives the shape every piece has).
 */
class SplitPiecesRejected {
  void lastPieceIsSmaller(@Shape({"5", "3"}) Tensor x) {
    var parts = x.split(2, 0);
    // :: error: (shape.reshape.numel)
    parts.get(2).view(2, 3);
    // :: error: (shape.assignment)
    @Shape({"2", "3"}) Tensor wrong = x.split(2, 0).get(2);
  }

  void fewerChunks(@Shape({"5", "6"}) Tensor x) {
    List<Tensor> rows = x.chunk(4, 0);
    // :: error: (shape.mismatch.matmul)
    Torch.randn(4, 3).matmul(rows.get(0));
  }

  void outOfRangeIsNoShapeError(@Shape({"5", "3"}) Tensor x) {
    Tensor none = x.split(2, 0).get(3);
  }
}

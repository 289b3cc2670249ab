import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * The tensors of max(dim), topk and sort are their op's shape, and a local list of split or
 * chunk pieces hands on the pieces' shape.
 */
class RecordsAndListsCarryShapes {
  void records(@Shape({"4", "5"}) Tensor x) {
    @Shape({"4"}) Tensor v = x.max(1).values();
    @Shape({"4"}) Tensor i = x.max(1).indices();
    @Shape({"4", "3"}) Tensor top = x.topk(3, 1).values();
    var best = x.min(0);
    @Shape({"5"}) Tensor m = best.values();
  }

  void recordRejected(@Shape({"4", "5"}) Tensor x) {
    // :: error: (shape.mismatch.matmul)
    x.max(1).values().matmul(Torch.randn(5, 2));
    var top = x.topk(3, 1);
    // :: error: (shape.broadcast)
    top.values().add(Torch.zeros(4, 5));
  }

  void lists(@Shape({"8", "6"}) Tensor x) {
    @Shape({"4", "6"}) Tensor direct = x.split(4, 0).get(1);
    var parts = x.split(4, 0);
    @Shape({"4", "6"}) Tensor first = parts.get(0);
    List<Tensor> halves = x.chunk(2, 1);
    @Shape({"8", "3"}) Tensor left = halves.get(1);
  }

  void listRejected(@Shape({"8", "6"}) Tensor x) {
    List<Tensor> halves = x.chunk(2, 1);
    // :: error: (shape.mismatch.matmul)
    halves.get(0).matmul(Torch.randn(6, 2));
  }
}

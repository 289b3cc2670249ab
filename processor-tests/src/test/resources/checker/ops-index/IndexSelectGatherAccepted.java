import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** indexSelect takes the index's length; gather the index's shape. */
class IndexSelectGatherAccepted {
  void use(@Shape({"10", "4"}) Tensor table, @Shape({"3"}) Tensor ids, @Shape({"10", "1"}) Tensor pick) {
    @Shape({"3", "4"}) Tensor rows = table.indexSelect(0, ids);
    @Shape({"10", "1"}) Tensor chosen = table.gather(1, pick);
  }
}

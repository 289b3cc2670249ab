import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A constant index string is checked as the runtime checks it, with the same text
 * (tensor-runtime's IndexStringErrorsTest asserts these messages at run time).
 */
class IndexStringRejected {
  void use() {
    Tensor x = Torch.zeros(2, 10);
    // :: error: (shape.index.range) Tensor.index: index 10 at item 1 of ":, 10" is out of range for dim 1 of [2, 10] (size 10); use an index in [-10, 9]
    x.index(":, 10");
    // :: error: (shape.index.range) Tensor.index: index -3 at item 0 of "-3" is out of range for dim 0 of [2, 10] (size 2); use an index in [-2, 1]
    x.index("-3");
    // :: error: (shape.rank) Tensor.index: too many indices for [2, 10] (rank 2): the index "0, 1, 2" indexes 3 dims; index at most 2
    x.index("0, 1, 2");
    // :: error: (shape.index.syntax) Tensor.index: cannot read the index "0:1:2:3": item 0 has 3 ':'; a slice is start:stop or start:stop:step
    x.index("0:1:2:3");
    // :: error: (shape.index.range) Tensor.index: slice step -1 at item 1 of ":, ::-1" must be above 0
    x.index(":, ::-1");
    // :: error: (shape.mismatch.index) Tensor.indexPut_: the value [3] does not broadcast to [2, 2], the part ":, 1:3" of [2, 10]; give a value of shape [2, 2] or one that broadcasts to it
    x.indexPut_(":, 1:3", Torch.ones(3));
    // :: error: (shape.index.range) Tensor.indexPut_: index 5 at item 0 of "5" is out of range for dim 0 of [2, 10] (size 2)
    x.indexPut_("5", 1.0);
    // :: error: (shape.broadcast)
    x.maskedFill_(Torch.ones(4).gt(0), 1.0);
    // :: error: (shape.broadcast.inplace)
    x.maskedFill_(Torch.ones(3, 2, 10).gt(0), 1.0);
  }

  void typed(@Shape({"B", "10"}) Tensor x) {
    // :: error: (shape.assignment)
    @Shape({"B", "3"}) Tensor wrong = x.index(":, 1:3");
    // :: error: (shape.assignment)
    @Shape({"B", "10"}) Tensor kept = x.index(":, 0");
  }
}

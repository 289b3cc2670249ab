import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.Unique;

/**
 * Ops whose result count depends on the values: nonzero is [_, rank], bincount [_]; unique's
 * inverse has the input's shape (checked at run time).
 */
class NonzeroCountingAccepted {
  void use(@Shape({"B", "T", "D"}) Tensor mask, @Shape({"N"}) Tensor labels,
      @Shape({"N"}) Tensor weights) {
    @Shape({"_", "3"}) Tensor where = mask.nonzero();
    @Shape({"_", "3"}) Tensor where2 = Torch.nonzero(mask);
    @Shape({"_"}) Tensor counts = labels.bincount();
    @Shape({"_"}) Tensor weighted = Torch.bincount(labels, weights, 10);
    Unique u = labels.unique(true, true, true);
  }
}

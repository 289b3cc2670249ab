import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A weight that does not broadcast with the input is an error, as unequal inputs are. */
class WeightedLossRejected {
  void use(@Shape({"B", "5"}) Tensor p, @Shape({"B", "5"}) Tensor t, @Shape({"3"}) Tensor w,
      @Shape({"B"}) Tensor column) {
    // :: error: (shape.broadcast)
    Torch.binaryCrossEntropy(p, t, w, Reduction.MEAN);
    // :: error: (shape.broadcast)
    Torch.binaryCrossEntropyWithLogits(p, t, null, w, Reduction.MEAN);
    // :: error: (shape.mismatch.loss.same)
    Torch.binaryCrossEntropy(p, column, null, Reduction.MEAN);
  }
}

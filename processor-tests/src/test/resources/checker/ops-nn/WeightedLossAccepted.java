import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Binary cross-entropy's weights broadcast with the input; the reduction decides the rank. */
class WeightedLossAccepted {
  void use(@Shape({"B", "5"}) Tensor p, @Shape({"B", "5"}) Tensor t, @Shape({"5"}) Tensor w) {
    @Shape({}) Tensor mean = Torch.binaryCrossEntropy(p, t, w, Reduction.MEAN);
    @Shape({"B", "5"}) Tensor each = Torch.binaryCrossEntropyWithLogits(p, t, w, w,
        Reduction.NONE);
    @Shape({}) Tensor unweighted = Torch.binaryCrossEntropy(p, t, null, Reduction.SUM);
  }
}

import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.BatchNorm1d checks its channel count with the NORM_CHANNELS rule. */
class BatchNorm1dModule {
  final BatchNorm1d bn = new BatchNorm1d(32);

  void use(@Shape({"N", "32"}) Tensor x, @Shape({"N", "16"}) Tensor y) {
    @Shape({"N", "32"}) Tensor ok = bn.forward(x);
    // :: error: (shape.mismatch.norm.channels)
    bn.forward(y);
  }
}

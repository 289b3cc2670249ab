import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.BatchNorm2d needs its channel count. */
class BatchNorm2dModule {
  final BatchNorm2d bn = new BatchNorm2d(16);

  void use(@Shape({"N", "16", "8", "8"}) Tensor x, @Shape({"N", "8", "8", "8"}) Tensor y) {
    @Shape({"N", "16", "8", "8"}) Tensor ok = bn.forward(x);
    // :: error: (shape.mismatch.argument) with C = 16
    bn.forward(y);
  }
}

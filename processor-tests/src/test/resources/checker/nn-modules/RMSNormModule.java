import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.normalization.RMSNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.RMSNorm and F.rmsNorm normalise the trailing dims, which must be the normalized shape. */
class RMSNormModule {
  final RMSNorm norm = new RMSNorm(64);

  void use(@Shape({"B", "T", "64"}) Tensor x, @Shape({"B", "T", "32"}) Tensor y) {
    @Shape({"B", "T", "64"}) Tensor ok = norm.forward(x);
    @Shape({"B", "T", "64"}) Tensor viaF = F.rmsNorm(x, new long[] {64}, null);
    // :: error: (shape.mismatch.argument) with D = 64
    norm.forward(y);
    // :: error: (shape.mismatch.norm.channels)
    F.rmsNorm(x, new long[] {32}, null, 1e-6);
  }
}

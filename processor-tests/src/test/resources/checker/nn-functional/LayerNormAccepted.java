import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.layerNorm keeps the shape; the input ends in normalizedShape. */
class LayerNormAccepted {
  void use(@Shape({"B", "T", "64"}) Tensor x) {
    @Shape({"B", "T", "64"}) Tensor y = F.layerNorm(x, new long[] {64}, null, null, 1e-5);
    @Shape({"B", "T", "64"}) Tensor z = F.layerNorm(x, new long[] {size(), 64}, null, null, 1e-5);
  }

  static long size() {
    return 5;
  }
}

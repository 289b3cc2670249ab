import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.layerNorm: normalizedShape must be the input's trailing sizes. */
class LayerNormRejected {
  void use(@Shape({"B", "T", "64"}) Tensor x) {
    // :: error: (shape.mismatch.norm.channels)
    F.layerNorm(x, new long[] {32}, null, null, 1e-5);
  }
}

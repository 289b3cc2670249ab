import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.LayerNorm normalises the last dim, which must be its size. */
class LayerNormModule {
  final LayerNorm norm = new LayerNorm(64);

  void use(@Shape({"B", "T", "64"}) Tensor x, @Shape({"B", "T", "32"}) Tensor y) {
    @Shape({"B", "T", "64"}) Tensor ok = norm.forward(x);
    // :: error: (shape.mismatch.argument) with D = 64
    norm.forward(y);
  }
}

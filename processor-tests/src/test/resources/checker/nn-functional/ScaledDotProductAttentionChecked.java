import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.scaledDotProductAttention: [*b, L, E], [*b, S, E], [*b, S, Ev] -> [*b, L, Ev]. */
class ScaledDotProductAttentionChecked {
  void use(@Shape({"B", "H", "7", "16"}) Tensor q, @Shape({"B", "H", "9", "16"}) Tensor k,
      @Shape({"B", "H", "9", "32"}) Tensor v, @Shape({"B", "H", "9", "8"}) Tensor narrowKey) {
    @Shape({"B", "H", "7", "32"}) Tensor out = F.scaledDotProductAttention(q, k, v);
    @Shape({"B", "H", "7", "32"}) Tensor masked =
        F.scaledDotProductAttention(q, k, v, null, 0.0, true);
    // :: error: (shape.mismatch.argument)
    F.scaledDotProductAttention(q, narrowKey, v);
  }
}

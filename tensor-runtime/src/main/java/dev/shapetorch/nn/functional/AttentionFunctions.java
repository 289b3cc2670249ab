package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The attention functions of {@link F} with PyTorch's defaults: {@code
 * scaledDotProductAttention(query, key, value)}. {@code F.scaledDotProductAttention} with every
 * argument is the functional form of {@code Torch}'s op, which checks the shapes.
 *
 * <p>Shape: see each function.
 */
final class AttentionFunctions {

  private AttentionFunctions() {}

  /**
   * {@code softmax(query key^T / sqrt(E)) value}, as PyTorch 2's {@code
   * F.scaled_dot_product_attention(query, key, value)}: no mask, no dropout, not causal.
   *
   * <p>Shape: {@code [*b, L, E], [*b, S, E], [*b, S, Ev] -> [*b, L, Ev]}.
   */
  @Variants(Variant.FUNCTIONAL)
  public static @Shape({"*b", "L", "Ev"}) Tensor scaledDotProductAttention(
      @Shape({"*b", "L", "E"}) Tensor query, @Shape({"*b", "S", "E"}) Tensor key,
      @Shape({"*b", "S", "Ev"}) Tensor value) {
    return Torch.scaledDotProductAttention(query, key, value, null, 0.0, false);
  }
}

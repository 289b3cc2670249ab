package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Attention kernels: {@code scaledDotProductAttention}, as PyTorch 2's {@code
 * F.scaled_dot_product_attention} (libtorch's {@code at::scaled_dot_product_attention}). Part
 * of the {@link Torch} chain; also {@code F.scaledDotProductAttention}.
 *
 * <p>Shape: {@code query [*b, L, E]}, {@code key [*b, S, E]}, {@code value [*b, S, Ev]} give
 * {@code [*b, L, Ev]}; the batch dims {@code *b} are the same for all three (PyTorch would
 * broadcast them: expand them first); a mask broadcasts to {@code [*b, L, S]}.
 */
final class AttentionOps {

  private AttentionOps() {}

  /**
   * {@code softmax(query key^T / sqrt(E) + mask) value}, with dropout on the weights, as {@code
   * F.scaled_dot_product_attention(query, key, value, attn_mask, dropout_p, is_causal)}.
   *
   * <p>Shape: {@code [*b, L, E], [*b, S, E], [*b, S, Ev] -> [*b, L, Ev]}; {@code attnMask}
   * broadcasts to the scores {@code [*b, L, S]} ({@link
   * dev.shapetorch.shapes.rules.Rule#SCALED_DOT_PRODUCT_ATTENTION}, at compile time and at run
   * time: a mask that does not is {@code [shape.mismatch.mask]}).
   *
   * @param attnMask null for none; boolean (PyTorch 2's meaning: true marks a key a query may
   *     attend to, false one it may not) or of the query's floating dtype (added to the scores)
   * @param dropoutP the probability of zeroing a weight, in {@code [0, 1]}; pass 0 outside
   *     training, as PyTorch does not switch it off itself
   * @param isCausal true for the causal mask (query {@code i} attends to keys {@code <= i});
   *     then {@code attnMask} must be null
   * @throws IllegalArgumentException if {@code dropoutP} is not in {@code [0, 1]}, a mask is
   *     given with {@code isCausal}, or the mask is neither boolean nor floating
   * @throws ShapeException if the last dims or the batch dims do not fit, or the mask does not
   *     broadcast to the scores
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SCALED_DOT_PRODUCT_ATTENTION,
      args = {"query", "key", "value", "attnMask"})
  static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value,
      @Nullable Tensor attnMask, double dropoutP, boolean isCausal) {
    String op = "Torch.scaledDotProductAttention";
    if (attnMask != null && attnMask.dtype() != DType.BOOL
        && !attnMask.dtype().isFloatingPoint()) {
      throw Arguments.invalid(op, "attnMask is " + attnMask.dtype() + "; a mask is boolean"
          + " (true: may attend) or floating (added to the scores): convert it with"
          + " .to(DType.BOOL) or to the query's dtype");
    }
    if (!(dropoutP >= 0 && dropoutP <= 1)) {
      throw Arguments.invalid(op, "dropoutP must be in [0, 1], got " + dropoutP);
    }
    if (isCausal && attnMask != null) {
      throw Arguments.invalid(op, "attnMask is " + attnMask.shapeOf() + " and isCausal is"
          + " true; pass one of them (fold the causal mask into attnMask)");
    }
    if (query.dim() < 2) {
      throw Arguments.invalid(op, "query is " + query.shapeOf()
          + "; pass [*batch, L, E] (at least 2-D)");
    }
    try (TensorOptional m = Natives.optional(attnMask);
        DoubleOptional scale = new DoubleOptional()) {
      return Tensor.wrap(torch.scaled_dot_product_attention(query.h(), key.h(), value.h(), m,
          dropoutP, isCausal, scale, false));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, query, key, value, attnMask);
    }
  }
}

package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The activations of {@link F} that are no {@code Torch} op: {@code softmin}. The others
 * ({@code F.relu}, {@code F.hardswish}, {@code F.glu}, {@code F.prelu}, ...) are the
 * functional forms of {@code Torch}'s ops.
 *
 * <p>Shape: see each function.
 */
final class ActivationFunctions {

  private ActivationFunctions() {}

  /**
   * {@code softmax(-x)} along {@code dim}, as {@code F.softmin(input, dim)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}; {@code dim} in range ({@link Rule#ALONG_DIM}).
   *
   * @param dim the dim whose entries sum to 1 (negative counts from the end)
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.ALONG_DIM, args = {"input", "dim"})
  public static Tensor softmin(Tensor input, int dim) {
    return Torch.softmax(Torch.neg(input), dim);
  }
}

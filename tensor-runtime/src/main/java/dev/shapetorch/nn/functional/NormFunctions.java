package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The normalisation of {@link F} that is no {@code Torch} op under the same parameters: {@code
 * batchNorm}, whose running statistics come before the weight and bias, as in PyTorch's {@code
 * F.batch_norm}. {@code F.layerNorm} and {@code F.groupNorm} are the functional forms of {@code
 * Torch}'s ops.
 *
 * <p>Shape: every function keeps the input's shape; per-channel tensors are {@code [C]} for an
 * input {@code [N, C, *]}; layer norm's weight and bias have the normalized shape.
 */
final class NormFunctions {

  private NormFunctions() {}

  /**
   * Batch normalisation, as {@code F.batch_norm(input, running_mean, running_var, weight,
   * bias, training, momentum, eps)}. In training mode, uses the batch's statistics and updates
   * the running ones in place (when given); otherwise uses the running ones.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}; the other tensors are {@code [C]} or null
   * ({@link Rule#BATCH_NORM}, as {@code Torch.batchNorm}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.BATCH_NORM,
      args = {"input", "weight", "bias", "runningMean", "runningVar"})
  public static Tensor batchNorm(
      Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
      boolean training, double momentum, double eps) {
    return Torch.batchNorm(input, weight, bias, runningMean, runningVar, training, momentum,
        eps);
  }
}

package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Normalisation of {@link F}: {@code batchNorm}, {@code layerNorm}, {@code groupNorm}.
 *
 * <p>Shape: every function keeps the input's shape; per-channel tensors are {@code [C]} for an
 * input {@code [N, C, *]}; layer norm's weight and bias have the normalized shape.
 */
public abstract class NormFunctions extends ResamplingFunctions {

  NormFunctions() {}

  /**
   * Batch normalisation, as {@code F.batch_norm(input, running_mean, running_var, weight,
   * bias, training, momentum, eps)}. In training mode, uses the batch's statistics and updates
   * the running ones in place (when given); otherwise uses the running ones.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}; the other tensors are {@code [C]} or null.
   */
  public static Tensor batchNorm(
      Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
      boolean training, double momentum, double eps) {
    try {
      return Torch.batchNorm(input, weight, bias, runningMean, runningVar, training, momentum,
          eps);
    } catch (ShapeException e) {
      throw Renamed.as("F.batchNorm", e);
    }
  }

  /**
   * Layer normalisation over the trailing {@code normalizedShape} dims, as {@code
   * F.layer_norm(input, normalized_shape, weight, bias, eps)}.
   *
   * <p>Shape: {@code [*batch, *normalizedShape] -> same} ({@link Rule#LAYER_NORM}).
   */
  @ShapeRule(value = Rule.LAYER_NORM, args = {"input", "normalizedShape"})
  public static Tensor layerNorm(
      Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    try {
      return Torch.layerNorm(input, normalizedShape, weight, bias, eps);
    } catch (ShapeException e) {
      throw Renamed.as("F.layerNorm", e);
    }
  }

  /**
   * Group normalisation, as {@code F.group_norm(input, num_groups, weight, bias, eps)}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}, {@code C} divisible by {@code numGroups}.
   */
  public static Tensor groupNorm(
      Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
    try {
      return Torch.groupNorm(input, numGroups, weight, bias, eps);
    } catch (ShapeException e) {
      throw Renamed.as("F.groupNorm", e);
    }
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Root-mean-square normalisation, as PyTorch 2's {@code F.rms_norm} (libtorch's {@code
 * rms_norm}): {@code y = x / sqrt(mean(x^2) + eps) * weight}, the mean over the trailing dims
 * named by {@code normalizedShape}. Unlike layer normalisation it neither centres nor shifts.
 * Part of the {@link Torch} chain; the module is {@code dev.shapetorch.nn.normalization.RMSNorm}.
 *
 * <p>Shape: {@code [*batch, *normalizedShape] -> same} ({@link Rule#LAYER_NORM}); the weight
 * has the normalized shape or is null.
 */
final class RmsNormOps {

  private RmsNormOps() {}

  /**
   * RMS normalisation with PyTorch's default {@code eps} ({@code eps=None}: the input dtype's
   * machine epsilon, {@code torch.finfo(dtype).eps}), as {@code F.rms_norm(input,
   * normalized_shape, weight)}.
   *
   * <p>Shape: {@code [*batch, *normalizedShape] -> same} ({@link Rule#LAYER_NORM}); {@code
   * weight} has the normalized shape, or is null for no scale.
   *
   * @throws ShapeException if the input does not end with {@code normalizedShape}
   * @throws IllegalArgumentException if the weight's shape is not the normalized shape
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.LAYER_NORM, args = {"input", "normalizedShape"})
  static Tensor rmsNorm(Tensor input, long[] normalizedShape, @Nullable Tensor weight) {
    return run(input, normalizedShape, weight, null);
  }

  /**
   * RMS normalisation, as {@code F.rms_norm(input, normalized_shape, weight, eps)}.
   *
   * <p>Shape: {@code [*batch, *normalizedShape] -> same} ({@link Rule#LAYER_NORM}); {@code
   * weight} has the normalized shape, or is null for no scale.
   *
   * @throws ShapeException if the input does not end with {@code normalizedShape}
   * @throws IllegalArgumentException if the weight's shape is not the normalized shape, or
   *     {@code eps} is negative or not finite
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.LAYER_NORM, args = {"input", "normalizedShape"})
  static Tensor rmsNorm(
      Tensor input, long[] normalizedShape, @Nullable Tensor weight, double eps) {
    if (!(eps >= 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException(dev.shapetorch.internal.UserCall.attribute(
          "Torch.rmsNorm") + ": eps must be a finite number >= 0, got " + eps);
    }
    return run(input, normalizedShape, weight, eps);
  }

  private static Tensor run(
      Tensor input, long[] normalizedShape, @Nullable Tensor weight, @Nullable Double eps) {
    String op = "Torch.rmsNorm";
    if (weight != null && !java.util.Arrays.equals(weight.shape(), normalizedShape)) {
      throw new IllegalArgumentException(dev.shapetorch.internal.UserCall.attribute(op)
          + ": weight is " + weight.shapeOf() + " but the normalized shape is "
          + java.util.Arrays.toString(normalizedShape) + "; pass a weight of that shape or null");
    }
    try (TensorOptional w = Natives.optional(weight);
        DoubleOptional e = eps == null ? new DoubleOptional() : new DoubleOptional(eps)) {
      return Tensor.wrap(torch.rms_norm(input.h(), normalizedShape, w, e));
    } catch (RuntimeException ex) {
      throw Natives.fail(op, ex, input, weight);
    }
  }
}

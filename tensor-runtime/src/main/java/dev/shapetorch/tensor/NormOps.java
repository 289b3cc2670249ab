package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import java.util.Arrays;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Normalisation: {@code batchNorm}, {@code layerNorm} and {@code groupNorm}, as {@code
 * torch.batch_norm} and {@code F.layer_norm}. Part of the {@link Torch} chain.
 *
 * <p>Shape: every op keeps the input's shape. Channels are dim 1 ({@code [N, C, *]}) for batch
 * and group norm, whose per-channel tensors are {@code [C]}; layer norm normalises the trailing
 * dims named by {@code normalizedShape}, which its weight and bias have. A channel count that
 * does not fit raises {@code [shape.mismatch.norm.channels]}.
 */
public abstract class NormOps extends ResamplingOps {

  NormOps() {}

  /**
   * Batch normalisation, as {@code torch.batch_norm} (note the argument order: ATen's, with
   * weight and bias before the running statistics). In training mode, normalises with the
   * batch's statistics and updates the running ones in place ({@code running = (1 - momentum) *
   * running + momentum * batch}, the variance unbiased); otherwise normalises with the running
   * ones.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}; every other tensor is {@code [C]} or null.
   */
  public static Tensor batchNorm(
      Tensor input, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      boolean training, double momentum, double eps) {
    String op = "Torch.batchNorm";
    channels(op, input, weight, bias, runningMean, runningVar);
    if (!training && (runningMean == null || runningVar == null)) {
      throw new IllegalArgumentException(
          op + ": evaluation mode needs the running mean and variance");
    }
    try (TensorOptional w = optional(weight);
        TensorOptional b = optional(bias);
        TensorOptional m = optional(runningMean);
        TensorOptional v = optional(runningVar)) {
      return Tensor.wrap(torch.batch_norm(input.h(), w, b, m, v, training, momentum, eps, true));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias, runningMean, runningVar);
    }
  }

  /**
   * Layer normalisation over the trailing dims, as {@code F.layer_norm}.
   *
   * <p>Shape: {@code [*batch, *normalizedShape] -> same}; weight and bias are {@code
   * normalizedShape} or null.
   */
  public static Tensor layerNorm(
      Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    String op = "Torch.layerNorm";
    long[] s = input.shape();
    int k = normalizedShape.length;
    boolean fits = k <= s.length
        && Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape);
    if (!fits) {
      throw new ShapeException(ShapeMismatch.of(MessageKeys.MISMATCH_NORM_CHANNELS, op,
          "the input " + input.shapeOf() + " does not end with the normalized shape "
              + Arrays.toString(normalizedShape)));
    }
    for (Tensor t : new Tensor[] {weight, bias}) {
      if (t != null && !Arrays.equals(t.shape(), normalizedShape)) {
        throw new ShapeException(ShapeMismatch.of(MessageKeys.MISMATCH_NORM_CHANNELS, op,
            "weight and bias must have the normalized shape " + Arrays.toString(normalizedShape)
                + ", got " + t.shapeOf()));
      }
    }
    try (TensorOptional w = optional(weight);
        TensorOptional b = optional(bias)) {
      return Tensor.wrap(torch.layer_norm(input.h(), normalizedShape, w, b, eps, true));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * Group normalisation: channels split into {@code numGroups} groups, each normalised over its
   * channels and the spatial dims, as {@code F.group_norm}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}, {@code C} divisible by {@code numGroups}; weight
   * and bias are {@code [C]} or null.
   */
  public static Tensor groupNorm(
      Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
    String op = "Torch.groupNorm";
    long c = channels(op, input, weight, bias);
    if (numGroups <= 0 || c % numGroups != 0) {
      throw new ShapeException(ShapeMismatch.of(MessageKeys.MISMATCH_NORM_CHANNELS, op,
          "the input " + input.shapeOf() + " has " + c + " channels, which " + numGroups
              + " groups do not divide"));
    }
    try (TensorOptional w = optional(weight);
        TensorOptional b = optional(bias)) {
      return Tensor.wrap(torch.group_norm(input.h(), numGroups, w, b, eps, true));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /** Checks {@code [N, C, *]} against per-channel tensors of shape {@code [C]}; returns C. */
  private static long channels(String op, Tensor input, Tensor... perChannel) {
    if (input.dim() < 2) {
      throw new ShapeException(ShapeMismatch.of(MessageKeys.RANK, op,
          "expected an input [N, C, *] of rank at least 2, got " + input.shapeOf()));
    }
    long c = input.size(1);
    for (Tensor t : perChannel) {
      if (t != null && (t.dim() != 1 || t.size(0) != c)) {
        throw new ShapeException(ShapeMismatch.of(MessageKeys.MISMATCH_NORM_CHANNELS, op,
            "the input " + input.shapeOf() + " has " + c + " channels (dim 1) but a"
                + " per-channel tensor is " + t.shapeOf()));
      }
    }
    return c;
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.TensorOptional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.bytedeco.pytorch.global.torch;

/**
 * Normalisation: {@code batchNorm}, {@code instanceNorm}, {@code layerNorm} and {@code
 * groupNorm}, as {@code torch.batch_norm} and {@code F.layer_norm}. Part of the {@link Torch} chain.
 *
 * <p>Shape: every op keeps the input's shape. Channels are dim 1 ({@code [N, C, *]}) for batch
 * and group norm ({@link Rule#BATCH_NORM}, {@link Rule#GROUP_NORM}), whose per-channel tensors
 * are {@code [C]}; layer norm normalises the trailing dims named by {@code normalizedShape}
 * ({@link Rule#LAYER_NORM}), which its weight and bias have (libtorch checks those).
 */
final class NormOps {

  private NormOps() {}

  /**
   * Batch normalisation, as {@code torch.batch_norm} (note the argument order: ATen's, with
   * weight and bias before the running statistics). In training mode, normalises with the
   * batch's statistics and updates the running ones in place ({@code running = (1 - momentum) *
   * running + momentum * batch}, the variance unbiased); otherwise normalises with the running
   * ones.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} with {@code C} the length of the per-channel
   * tensors ({@link Rule#BATCH_NORM}); every other tensor is {@code [C]} or null.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.BATCH_NORM,
      args = {"input", "weight", "bias", "runningMean", "runningVar"})
  static Tensor batchNorm(
      Tensor input, @Nullable Tensor weight, @Nullable Tensor bias,
      @Nullable Tensor runningMean, @Nullable Tensor runningVar,
      boolean training, double momentum, double eps) {
    String op = "Torch.batchNorm";
    if (!training && (runningMean == null || runningVar == null)) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": evaluation mode needs the running mean and variance");
    }
    try (TensorOptional w = Natives.optional(weight);
        TensorOptional b = Natives.optional(bias);
        TensorOptional m = Natives.optional(runningMean);
        TensorOptional v = Natives.optional(runningVar)) {
      return Tensor.wrap(torch.batch_norm(input.h(), w, b, m, v, training, momentum, eps, true));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias, runningMean, runningVar);
    }
  }

  /**
   * Instance normalisation, as {@code torch.instance_norm} (ATen's argument order, weight and
   * bias before the running statistics): each channel of each sample is normalised over its
   * spatial dims. With {@code useInputStats} it normalises with each instance's statistics and
   * updates the running ones in place (when given) with their mean over the batch ({@code
   * running = (1 - momentum) * running + momentum * batch}, the variance unbiased); otherwise it
   * normalises with the running ones.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} with {@code C} the length of the per-channel
   * tensors ({@link Rule#BATCH_NORM}); every other tensor is {@code [C]} or null.
   *
   * @throws IllegalArgumentException if {@code useInputStats} is false without both running
   *     statistics, or only one of them is given
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.BATCH_NORM,
      args = {"input", "weight", "bias", "runningMean", "runningVar"})
  static Tensor instanceNorm(
      Tensor input, @Nullable Tensor weight, @Nullable Tensor bias,
      @Nullable Tensor runningMean, @Nullable Tensor runningVar,
      boolean useInputStats, double momentum, double eps) {
    String op = "Torch.instanceNorm";
    if ((runningMean == null) != (runningVar == null)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": pass both running"
          + " statistics (runningMean and runningVar) or neither");
    }
    if (!useInputStats && runningMean == null) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": useInputStats = false"
          + " normalises with the running mean and variance; pass them");
    }
    try (TensorOptional w = Natives.optional(weight);
        TensorOptional b = Natives.optional(bias);
        TensorOptional m = Natives.optional(runningMean);
        TensorOptional v = Natives.optional(runningVar)) {
      return Tensor.wrap(torch.instance_norm(input.h(), w, b, m, v, useInputStats, momentum,
          eps, false));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias, runningMean, runningVar);
    }
  }

  /**
   * Layer normalisation over the trailing dims, as {@code F.layer_norm}.
   *
   * <p>Shape: {@code [*batch, *normalizedShape] -> same} ({@link Rule#LAYER_NORM}); weight and
   * bias have the normalized shape or are null.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.LAYER_NORM, args = {"input", "normalizedShape"})
  static Tensor layerNorm(
      Tensor input, long[] normalizedShape, @Nullable Tensor weight, @Nullable Tensor bias,
      double eps) {
    String op = "Torch.layerNorm";
    try (TensorOptional w = Natives.optional(weight);
        TensorOptional b = Natives.optional(bias)) {
      return Tensor.wrap(torch.layer_norm(input.h(), normalizedShape, w, b, eps, true));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }

  /**
   * Group normalisation: channels split into {@code numGroups} groups, each normalised over its
   * channels and the spatial dims, as {@code F.group_norm}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}, {@code C} divisible by {@code numGroups} ({@link
   * Rule#GROUP_NORM}); weight and bias are {@code [C]} or null.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.GROUP_NORM, args = {"input", "numGroups", "weight", "bias"})
  static Tensor groupNorm(Tensor input, long numGroups, @Nullable Tensor weight,
      @Nullable Tensor bias, double eps) {
    String op = "Torch.groupNorm";
    try (TensorOptional w = Natives.optional(weight);
        TensorOptional b = Natives.optional(bias)) {
      org.bytedeco.pytorch.Tensor x = input.h();
      if (x.dim() < 4 || x.is_contiguous() || !x.is_cpu()) {
        return Tensor.wrap(torch.group_norm(x, numGroups, w, b, eps, true));
      }
      // libtorch 2.10's channels-last group norm on the CPU computes the variance in one pass
      // and loses float32 precision when the mean is large against the spread (at mean 300,
      // std 0.1 its outputs were off by 86); normalise a row-major copy and give the result
      // back in the input's layout, as libtorch would lay it out.
      var format = x.suggest_memory_format();
      try (var rowMajor = x.contiguous();
          var normalised = torch.group_norm(rowMajor, numGroups, w, b, eps, true)) {
        return Tensor.wrap(normalised.contiguous(format));
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, weight, bias);
    }
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.Variant;
import static dev.shapetorch.tensor.ShapeChecks.ints;
import static dev.shapetorch.tensor.ShapeChecks.tensorArg;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.TensorShape;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Normalisation: {@code batchNorm}, {@code layerNorm} and {@code groupNorm}, as {@code
 * torch.batch_norm} and {@code F.layer_norm}. Part of the {@link Torch} chain.
 *
 * <p>Shape: every op keeps the input's shape. Channels are dim 1 ({@code [N, C, *]}) for batch
 * and group norm ({@link Rule#NORM_CHANNELS}), whose per-channel tensors are {@code [C]}; layer
 * norm normalises the trailing dims named by {@code normalizedShape} ({@link Rule#LAYER_NORM}),
 * which its weight and bias have (libtorch checks those).
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
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@link Rule#NORM_CHANNELS} with {@code C} taken
   * from the per-channel tensors); every other tensor is {@code [C]} or null.
   */
  @Variants(Variant.FUNCTION)
  public static Tensor batchNorm(
      Tensor input, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      boolean training, double momentum, double eps) {
    String op = "Torch.batchNorm";
    channels(op, input, weight, bias, runningMean, runningVar);
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
   * Layer normalisation over the trailing dims, as {@code F.layer_norm}.
   *
   * <p>Shape: {@code [*batch, *normalizedShape] -> same} ({@link Rule#LAYER_NORM}); weight and
   * bias have the normalized shape or are null.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.LAYER_NORM, args = {"input", "normalizedShape"})
  public static Tensor layerNorm(
      Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    String op = "Torch.layerNorm";
    ShapeChecks.check(Rule.LAYER_NORM, op, tensorArg(input), ints(normalizedShape));
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
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}, {@code C} divisible by {@code numGroups}; weight
   * and bias are {@code [C]} or null.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  public static Tensor groupNorm(
      Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
    String op = "Torch.groupNorm";
    channels(op, input, weight, bias);
    long c = input.size(1);
    if (numGroups <= 0 || c % numGroups != 0) {
      throw new ShapeException(ShapeMismatch.of(MessageKeys.MISMATCH_NORM_CHANNELS, op,
          "the input " + input.shapeOf() + " has " + c + " channels, which " + numGroups
              + " groups do not divide"));
    }
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

  /**
   * {@link Rule#NORM_CHANNELS} with the channel count of the first per-channel tensor given
   * (libtorch checks that the others agree); a rank check alone when none is given.
   */
  private static void channels(String op, Tensor input, Tensor... perChannel) {
    Natives.nonNull(input, "input"); // the rule's inputs are not the op's parameters in order
    TensorShape module = TensorShape.unknownRank();
    for (Tensor t : perChannel) {
      if (t != null) {
        module = TensorShape.of(t.numel());
        break;
      }
    }
    ShapeChecks.check(Rule.NORM_CHANNELS, op, tensorArg(module), tensorArg(input));
    if (input.dim() < 2) {
      throw new ShapeException(ShapeMismatch.of(MessageKeys.RANK, op,
          "expected an input [N, C, *] with at least 2 dims, got " + input.shapeOf()));
    }
  }
}

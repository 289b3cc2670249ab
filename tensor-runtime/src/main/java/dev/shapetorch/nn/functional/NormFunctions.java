package dev.shapetorch.nn.functional;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The normalisation of {@link F} that is no {@code Torch} op under the same parameters: {@code
 * batchNorm} and {@code instanceNorm}, whose running statistics come before the weight and bias,
 * as in PyTorch's {@code F.batch_norm} and {@code F.instance_norm}, and {@code
 * localResponseNorm}, which PyTorch composes from other ops as this does. {@code F.layerNorm} and {@code F.groupNorm} are the functional forms of {@code
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

  /**
   * Instance normalisation with PyTorch's defaults, as {@code F.instance_norm(input)}: each
   * channel of each sample normalised over its spatial dims, no running statistics, no affine
   * transform, eps 1e-5.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@link Rule#BATCH_NORM}).
   *
   * @throws IllegalArgumentException as {@link #instanceNorm(Tensor, Tensor, Tensor, Tensor,
   *     Tensor, boolean, double, double)}
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.BATCH_NORM, args = {"input", "null", "null", "null", "null"})
  public static Tensor instanceNorm(Tensor input) {
    return instanceNorm(input, null, null, null, null, true, 0.1, 1e-5);
  }

  /**
   * Instance normalisation, as {@code F.instance_norm(input, running_mean, running_var, weight,
   * bias, use_input_stats, momentum, eps)}: with {@code useInputStats}, uses each instance's
   * statistics and updates the running ones in place (when given); otherwise uses the running
   * ones.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}; the other tensors are {@code [C]} or null
   * ({@link Rule#BATCH_NORM}, as {@code Torch.instanceNorm}).
   *
   * @throws IllegalArgumentException with {@code useInputStats}, if a channel has a single
   *     spatial element (PyTorch's "Expected more than 1 spatial element"), and as {@code
   *     Torch.instanceNorm}
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.BATCH_NORM,
      args = {"input", "weight", "bias", "runningMean", "runningVar"})
  public static Tensor instanceNorm(
      Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
      boolean useInputStats, double momentum, double eps) {
    if (useInputStats && input != null && input.dim() >= 2) {
      long spatial = 1;
      for (int d = 2; d < input.dim(); d++) {
        spatial *= input.size(d);
      }
      if (spatial == 1) {
        throw new IllegalArgumentException(UserCall.attribute("F.instanceNorm") + ": expected"
            + " more than 1 spatial element when normalising with the input's statistics, got"
            + " input " + java.util.Arrays.toString(input.shape()) + "; an instance of one"
            + " element normalises to 0");
      }
    }
    return Torch.instanceNorm(input, weight, bias, runningMean, runningVar, useInputStats,
        momentum, eps);
  }

  /**
   * Local response normalisation with PyTorch's defaults (alpha 1e-4, beta 0.75, k 1), as
   * {@code F.local_response_norm(input, size)}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}, at least 3-D ({@link
   * Rule#LOCAL_RESPONSE_NORM}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.LOCAL_RESPONSE_NORM, args = {"input", "size"})
  public static Tensor localResponseNorm(Tensor input, long size) {
    return localResponseNorm(input, size, 1e-4, 0.75, 1.0);
  }

  /**
   * Local response normalisation across channels, as {@code F.local_response_norm(input, size,
   * alpha, beta, k)}: {@code b_c = a_c / (k + alpha / size * sum_{c'} a_{c'}^2)^beta}, the sum
   * over the {@code size} channels around {@code c} ({@code size / 2} before, {@code (size - 1)
   * / 2} after, zeros beyond the edges), composed from other ops as PyTorch composes it.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]}, at least 3-D ({@link
   * Rule#LOCAL_RESPONSE_NORM}).
   *
   * @param size the channels each window spans, at least 1
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for fewer than 3 dims,
   *     {@code [shape.module.params]} for a size below 1
   * @throws IllegalArgumentException for a size above 2^31 - 1
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.LOCAL_RESPONSE_NORM, args = {"input", "size"})
  public static Tensor localResponseNorm(
      Tensor input, long size, double alpha, double beta, double k) {
    String op = "F.localResponseNorm";
    dev.shapetorch.internal.Guard.rule(Rule.LOCAL_RESPONSE_NORM, op,
        dev.shapetorch.internal.Guard.tensor(input, "input"),
        dev.shapetorch.internal.Guard.integer(size));
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": size must be at most "
          + Integer.MAX_VALUE + ", got " + size);
    }
    long[] sizes = input.shape();
    long rest = 1;
    for (int d = 2; d < sizes.length; d++) {
      rest *= sizes[d];
    }
    // [N, 1, C, rest]: the squares, padded with zeros along the channels and summed over
    // windows of size channels, divided by size, as PyTorch's avg_pool over the channel dim.
    // Pads beyond C - 1 only add zeros, so they are cut to C - 1 (and the window with them): a
    // huge size costs no memory.
    long channels = Math.max(1, sizes[1]);
    long before = Math.min(size / 2, channels - 1);
    long after = Math.min((size - 1) / 2, channels - 1);
    Tensor squares = input.mul(input).reshape(sizes[0], 1, sizes[1], rest);
    Tensor padded = Torch.pad(squares, new long[] {0, 0, before, after},
        dev.shapetorch.tensor.PadMode.CONSTANT, 0.0);
    Tensor mean = Torch.avgPool2d(padded, new long[] {before + after + 1, 1},
        new long[] {1, 1}, new long[] {0, 0}, false, true, size).reshape(sizes);
    Tensor div = mean.mul(scalar(alpha, input)).add(scalar(k, input)).pow(scalar(beta, input));
    return input.div(div);
  }

  private static Tensor scalar(double v, Tensor like) {
    return Torch.full(new long[0], v, like.dtype(), like.device());
  }
}

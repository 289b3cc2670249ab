package dev.shapetorch.nn.functional;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The losses of {@link F} that are no {@code Torch} op under the same parameters: the short
 * forms with PyTorch's defaults ({@link Reduction#MEAN}, {@code ignoreIndex = -100}, no
 * smoothing) of {@code mseLoss}, {@code l1Loss}, {@code smoothL1Loss}, {@code huberLoss}, {@code
 * binaryCrossEntropy}, {@code binaryCrossEntropyWithLogits}, {@code klDiv}, and every form of
 * {@code crossEntropy} ({@code Torch.crossEntropyLoss}) and {@code nllLoss} (whose {@code
 * ignoreIndex} comes before the reduction, as in PyTorch). The forms of the others with every
 * parameter ({@code F.mseLoss(input, target, reduction)}, ...) are the functional forms of
 * {@code Torch}'s ops. Each calls a {@code Torch} op, which checks the shapes.
 *
 * <p>Shape: elementwise losses need input and target of equal shape ({@link Rule#SAME_SHAPE}:
 * {@code [N, 1]} against {@code [N]} is an error, not a silent broadcast to {@code [N, N]});
 * class-index losses take {@code [N, C]} with {@code [N]}, {@code [C]} with {@code []}, or
 * {@code [N, C, d...]} with {@code [N, d...]} ({@link Rule#CLASS_INDEX_LOSS}). The result is
 * 0-d, or the per-element shape with {@link Reduction#NONE}. The overloads without a {@link
 * Reduction} name {@link Rule#SAME_SHAPE} or {@link Rule#CLASS_INDEX_LOSS}; those with one name
 * {@link Rule#SAME_SHAPE_REDUCTION} or {@link Rule#CLASS_INDEX_LOSS_REDUCTION}, which read the
 * reduction: where the call names a constant ({@code F.mseLoss(a, b, Reduction.NONE)}) the
 * checker knows the result's shape; with a variable, it checks the inputs and leaves the
 * result's rank unknown.
 */
final class LossFunctions {

  private LossFunctions() {}

  /**
   * Mean squared error, as {@code F.mse_loss(input, target)}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  public static Tensor mseLoss(Tensor input, Tensor target) {
    return Torch.mseLoss(input, target, Reduction.MEAN);
  }

  /**
   * Mean absolute error, as {@code F.l1_loss(input, target)}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  public static Tensor l1Loss(Tensor input, Tensor target) {
    return Torch.l1Loss(input, target, Reduction.MEAN);
  }

  /**
   * Smooth L1 with {@code beta = 1}, as {@code F.smooth_l1_loss(input, target)}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  public static Tensor smoothL1Loss(Tensor input, Tensor target) {
    return Torch.smoothL1Loss(input, target, Reduction.MEAN, 1.0);
  }

  /**
   * Huber loss with {@code delta = 1}, as {@code F.huber_loss(input, target)}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  public static Tensor huberLoss(Tensor input, Tensor target) {
    return Torch.huberLoss(input, target, Reduction.MEAN, 1.0);
  }

  /**
   * Cross-entropy of logits against int64 class indices (or class probabilities), averaged,
   * as {@code F.cross_entropy(input, target)}.
   *
   * <p>Shape: {@link Rule#CLASS_INDEX_LOSS}: {@code [N, C]} with {@code [N]}, {@code [C]} with
   * {@code []}, {@code [N, C, d...]} with {@code [N, d...]}; probabilities have the input's
   * shape. The result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CLASS_INDEX_LOSS, args = {"input", "target"})
  @DTypeEffect(value = DTypeRule.CLASS_INDEX_TARGET, args = {"input", "target"})
  public static Tensor crossEntropy(Tensor input, Tensor target) {
    return crossEntropy(input, target, null, FBase.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
  }

  /**
   * Cross-entropy, reduced, as {@code F.cross_entropy(input, target, reduction=...)}.
   *
   * <p>Shape: {@link Rule#CLASS_INDEX_LOSS_REDUCTION}: as {@link Rule#CLASS_INDEX_LOSS}
   * (probabilities have the input's shape), the result 0-d, or with {@link Reduction#NONE} the
   * input's shape without its class dim ({@code [N, C] -> [N]}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CLASS_INDEX_LOSS_REDUCTION, args = {"input", "target", "reduction"})
  @DTypeEffect(value = DTypeRule.CLASS_INDEX_TARGET, args = {"input", "target"})
  public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction) {
    return crossEntropy(input, target, null, FBase.DEFAULT_IGNORE_INDEX, reduction, 0.0);
  }

  /**
   * Cross-entropy with every option, as {@code F.cross_entropy(input, target, weight,
   * ignore_index=..., reduction=..., label_smoothing=...)}. With a weight and {@link
   * Reduction#MEAN}, the sum is divided by the total weight of the (non-ignored) targets.
   *
   * <p>Shape: {@link Rule#CLASS_INDEX_LOSS_REDUCTION}: as {@link Rule#CLASS_INDEX_LOSS}
   * (probabilities have the input's shape), the result 0-d, or with {@link Reduction#NONE} the
   * input's shape without its class dim ({@code [N, C] -> [N]}); the weight is {@code [C]}.
   *
   * @param weight a weight per class, or null
   * @param ignoreIndex a class whose targets are skipped ({@link F#DEFAULT_IGNORE_INDEX}: none)
   * @param labelSmoothing in {@code [0, 1]}
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.CLASS_INDEX_LOSS_REDUCTION, args = {"input", "target", "reduction"})
  @DTypeEffect(value = DTypeRule.CLASS_INDEX_TARGET, args = {"input", "target"})
  public static Tensor crossEntropy(
      Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
      double labelSmoothing) {
    try {
      return Torch.crossEntropyLoss(input, target, weight, reduction, ignoreIndex,
          labelSmoothing);
    } catch (ShapeException e) {
      throw Renamed.as("F.crossEntropy", e);
    }
  }

  /**
   * Negative log-likelihood of log-probabilities at int64 class indices, averaged, as {@code
   * F.nll_loss(input, target)}.
   *
   * <p>Shape: {@link Rule#NLL_LOSS}: {@code [N, C]} with {@code [N]}, {@code [C]} with {@code
   * []}, {@code [N, C, d...]} with {@code [N, d...]}; no class probabilities (a target of the
   * input's rank is an error). The result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.NLL_LOSS, args = {"input", "target"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"target"})
  public static Tensor nllLoss(Tensor input, Tensor target) {
    return nllLoss(input, target, null, FBase.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
  }

  /**
   * Negative log-likelihood, reduced, as {@code F.nll_loss(input, target, reduction=...)}.
   *
   * <p>Shape: {@link Rule#NLL_LOSS_REDUCTION}: as {@link Rule#NLL_LOSS}, the result 0-d, or the
   * target's shape with {@link Reduction#NONE}.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.NLL_LOSS_REDUCTION, args = {"input", "target", "reduction"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"target"})
  public static Tensor nllLoss(Tensor input, Tensor target, Reduction reduction) {
    return nllLoss(input, target, null, FBase.DEFAULT_IGNORE_INDEX, reduction);
  }

  /**
   * Negative log-likelihood with every option, as {@code F.nll_loss(input, target, weight,
   * ignore_index=..., reduction=...)}.
   *
   * <p>Shape: {@link Rule#NLL_LOSS_REDUCTION}: as {@link Rule#NLL_LOSS}, the result 0-d, or the
   * target's shape with {@link Reduction#NONE}; the weight is {@code [C]}.
   *
   * @param weight a weight per class, or null
   * @param ignoreIndex a class whose targets are skipped ({@link F#DEFAULT_IGNORE_INDEX}: none)
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.NLL_LOSS_REDUCTION, args = {"input", "target", "reduction"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"target"})
  public static Tensor nllLoss(
      Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
    return Torch.nllLoss(input, target, weight, reduction, ignoreIndex);
  }

  /**
   * Binary cross-entropy of probabilities, averaged, as {@code F.binary_cross_entropy(input,
   * target)}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
    return Torch.binaryCrossEntropy(input, target, null, Reduction.MEAN);
  }

  /**
   * Binary cross-entropy of probabilities, reduced, as {@code F.binary_cross_entropy(input,
   * target, reduction=...)}.
   *
   * <p>Shape: input and target equal; the result is 0-d, or their shape with {@link
   * Reduction#NONE} ({@link Rule#SAME_SHAPE_REDUCTION}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Reduction reduction) {
    return Torch.binaryCrossEntropy(input, target, null, reduction);
  }

  /**
   * Binary cross-entropy of logits, averaged, as {@code
   * F.binary_cross_entropy_with_logits(input, target)}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
    return Torch.binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
  }

  /**
   * Binary cross-entropy of logits, reduced, as {@code
   * F.binary_cross_entropy_with_logits(input, target, reduction=...)}.
   *
   * <p>Shape: input and target equal; the result is 0-d, or their shape with {@link
   * Reduction#NONE} ({@link Rule#SAME_SHAPE_REDUCTION}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  public static Tensor binaryCrossEntropyWithLogits(
      Tensor input, Tensor target, Reduction reduction) {
    return Torch.binaryCrossEntropyWithLogits(input, target, null, null, reduction);
  }

  /**
   * Kullback-Leibler divergence, averaged over elements, as {@code F.kl_div(input, target)}
   * ({@code input} holds log-probabilities).
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  public static Tensor klDiv(Tensor input, Tensor target) {
    return Torch.klDiv(input, target, Reduction.MEAN, false);
  }

  /**
   * Kullback-Leibler divergence, reduced, as {@code F.kl_div(input, target, reduction=...)};
   * {@link Reduction#BATCHMEAN} is the mathematically correct mean.
   *
   * <p>Shape: input and target equal; the result is 0-d, or their shape with {@link
   * Reduction#NONE} ({@link Rule#SAME_SHAPE_REDUCTION}).
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction) {
    return Torch.klDiv(input, target, reduction, false);
  }

}

package dev.shapetorch.tensor;

import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.rules.DTypeRule;
import java.util.Arrays;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.TensorOptional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.bytedeco.pytorch.global.torch;

/**
 * Losses, as ATen computes them ({@code torch.nn.functional}'s kernels): {@code mseLoss},
 * {@code l1Loss}, {@code smoothL1Loss}, {@code huberLoss}, {@code crossEntropyLoss}, {@code
 * nllLoss}, {@code binaryCrossEntropy}, {@code binaryCrossEntropyWithLogits}, {@code klDiv}.
 * Part of the {@link Torch} chain; most users call {@code F.mseLoss} and friends.
 *
 * <p>Shape: elementwise losses need input and target of <em>equal</em> shapes ({@link
 * Rule#SAME_SHAPE}): libtorch would broadcast {@code [N, 1]} against {@code [N]} to {@code [N,
 * N]} and return a wrong loss without a word, so this is an error here. Class-index losses take
 * {@code [N, C]} with {@code [N]}, {@code [C]} with {@code []}, or {@code [N, C, d...]} with
 * {@code [N, d...]} ({@link Rule#CLASS_INDEX_LOSS}). With {@link Reduction#NONE} the result
 * has the per-element shape; otherwise it is 0-d: the ops name {@link Rule#SAME_SHAPE_REDUCTION}
 * and {@link Rule#CLASS_INDEX_LOSS_REDUCTION}, which read the {@link Reduction} constant (the
 * checker where the call names one, such as {@code Reduction.NONE}; the runtime always).
 */
final class LossOps {

  private LossOps() {}

  /**
   * The squared error {@code (input - target)^2}, reduced, as {@code F.mse_loss}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
    String op = "Torch.mseLoss";
    return Natives.call(op,
        () -> torch.mse_loss(input.h(), target.h(), reduction.aten(op)), input, target);
  }

  /**
   * The absolute error {@code |input - target|}, reduced, as {@code F.l1_loss}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
    String op = "Torch.l1Loss";
    return Natives.call(op,
        () -> torch.l1_loss(input.h(), target.h(), reduction.aten(op)), input, target);
  }

  /**
   * Smooth L1: {@code 0.5 d^2 / beta} where {@code |d| < beta}, {@code |d| - 0.5 beta}
   * elsewhere, as {@code F.smooth_l1_loss}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
    String op = "Torch.smoothL1Loss";
    if (beta < 0) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": beta must not be negative, got " + beta);
    }
    return Natives.call(op,
        () -> torch.smooth_l1_loss(input.h(), target.h(), reduction.aten(op), beta), input, target);
  }

  /**
   * Huber: {@code 0.5 d^2} where {@code |d| < delta}, {@code delta (|d| - 0.5 delta)}
   * elsewhere, as {@code F.huber_loss}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
    String op = "Torch.huberLoss";
    if (delta <= 0) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": delta must be positive, got " + delta);
    }
    return Natives.call(op,
        () -> torch.huber_loss(input.h(), target.h(), reduction.aten(op), delta), input, target);
  }

  /**
   * Cross-entropy of logits {@code input} against class indices (an integer {@code target}) or
   * class probabilities (a floating {@code target} of the input's shape), as {@code
   * F.cross_entropy}.
   *
   * <p>Shape: with indices, {@link Rule#CLASS_INDEX_LOSS} ({@code [N, C]} with {@code [N]},
   * ...); with probabilities, {@link Rule#SAME_SHAPE}. The weight is {@code [C]}.
   *
   * @param weight a weight per class, or null
   * @param ignoreIndex a class index whose targets contribute nothing (indices only; -100 is
   *     PyTorch's default, which matches no class)
   * @param labelSmoothing in {@code [0, 1]}: mixes the target with the uniform distribution
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.CLASS_INDEX_LOSS_REDUCTION, args = {"input", "target", "reduction"})
  @DTypeEffect(value = DTypeRule.CLASS_INDEX_TARGET, args = {"input", "target"})
  static Tensor crossEntropyLoss(
      Tensor input, Tensor target, @Nullable Tensor weight, Reduction reduction, long ignoreIndex,
      double labelSmoothing) {
    String op = "Torch.crossEntropyLoss";
    DTypeContracts.require(DTypeRule.CLASS_INDEX_TARGET, op, new String[] {"input", "target"},
        input, target);
    if (!target.dtype().isFloatingPoint()) {
      integerTarget(op, target);
    } else if (target.dim() != input.dim()) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": a floating target holds class probabilities and"
          + " must have the input's shape " + input.shapeOf() + "; class indices must be int64"
          + " (got " + target.dtype() + " " + target.shapeOf() + ")");
    }
    if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": labelSmoothing must be in [0, 1], got " + labelSmoothing);
    }
    try (TensorOptional w = Natives.optional(weight)) {
      return Tensor.wrap(torch.cross_entropy_loss(input.h(), target.h(), w, reduction.aten(op),
          ignoreIndex, labelSmoothing));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, target, weight);
    }
  }

  /**
   * The negative log-likelihood of log-probabilities {@code input} at class indices {@code
   * target}, as {@code F.nll_loss}.
   *
   * <p>Shape: {@link Rule#NLL_LOSS_REDUCTION} (class indices only, no probabilities); the weight
   * is {@code [C]}.
   *
   * @param weight a weight per class, or null
   * @param ignoreIndex a class index whose targets contribute nothing (-100 matches none)
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.NLL_LOSS_REDUCTION, args = {"input", "target", "reduction"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"target"})
  static Tensor nllLoss(
      Tensor input, Tensor target, @Nullable Tensor weight, Reduction reduction, long ignoreIndex) {
    String op = "Torch.nllLoss";
    DTypeContracts.require(DTypeRule.REQUIRES_INTEGRAL, op, "target", target);
    integerTarget(op, target);
    try (TensorOptional w = Natives.optional(weight)) {
      return Tensor.wrap(torch.nll_loss_nd(input.h(), target.h(), w, reduction.aten(op),
          ignoreIndex));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, target, weight);
    }
  }

  /**
   * Binary cross-entropy of probabilities {@code input} against targets in {@code [0, 1]}, as
   * {@code F.binary_cross_entropy}.
   *
   * <p>Shape: input and target equal, the weight broadcasts with them ({@link
   * Rule#SAME_SHAPE_REDUCTION_WEIGHTED}).
   *
   * @param weight a weight per element, or null
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION_WEIGHTED,
      args = {"input", "target", "reduction", "weight", "null"})
  static Tensor binaryCrossEntropy(
      Tensor input, Tensor target, @Nullable Tensor weight, Reduction reduction) {
    String op = "Torch.binaryCrossEntropy";
    try (TensorOptional w = Natives.optional(weight)) {
      return Tensor.wrap(torch.binary_cross_entropy(input.h(), target.h(), w, reduction.aten(op)));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, target, weight);
    }
  }

  /**
   * Binary cross-entropy of logits {@code input} (a stable sigmoid inside), as {@code
   * F.binary_cross_entropy_with_logits}.
   *
   * <p>Shape: input and target equal, the weight and {@code posWeight} (one weight per class,
   * along the last dim) broadcast with them ({@link Rule#SAME_SHAPE_REDUCTION_WEIGHTED}).
   *
   * @param weight a weight per element, or null
   * @param posWeight a weight on positive examples per class, or null
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION_WEIGHTED,
      args = {"input", "target", "reduction", "weight", "posWeight"})
  static Tensor binaryCrossEntropyWithLogits(
      Tensor input, Tensor target, @Nullable Tensor weight, @Nullable Tensor posWeight,
      Reduction reduction) {
    String op = "Torch.binaryCrossEntropyWithLogits";
    try (TensorOptional w = Natives.optional(weight);
        TensorOptional pw = Natives.optional(posWeight)) {
      return Tensor.wrap(torch.binary_cross_entropy_with_logits(input.h(), target.h(), w, pw,
          reduction.aten(op)));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, target, weight, posWeight);
    }
  }

  /**
   * The Kullback-Leibler divergence of {@code target} from the distribution whose
   * log-probabilities are {@code input}, as {@code F.kl_div}. {@link Reduction#BATCHMEAN}
   * divides the sum by {@code input.size(0)} (the mathematically right mean);
   * {@link Reduction#MEAN} divides by the number of elements, as PyTorch does.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}).
   *
   * @param logTarget whether {@code target} holds log-probabilities too
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
    String op = "Torch.klDiv";
    boolean batchMean = reduction == Reduction.BATCHMEAN;
    try {
      org.bytedeco.pytorch.Tensor r = torch.kl_div(input.h(), target.h(),
          batchMean ? Reduction.SUM.aten(op) : reduction.aten(op), logTarget);
      if (batchMean && input.dim() > 0) {
        try (org.bytedeco.pytorch.Tensor sum = r;
            org.bytedeco.pytorch.Scalar n = Natives.scalar((double) input.size(0))) {
          r = sum.div(n);
        }
      }
      return Tensor.wrap(r);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, target);
    }
  }

  /** Refuses class-index targets that are not int64, naming the op and the conversion. */
  static void integerTarget(String op, Tensor target) {
    if (target.dtype() != DType.INT64) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": class-index targets must be int64, got "
          + target.dtype() + " (convert with to(DType.INT64))");
    }
  }
}

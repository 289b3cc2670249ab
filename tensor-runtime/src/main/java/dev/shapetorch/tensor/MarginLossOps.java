package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Margin losses of scores against labels ({@code hingeEmbeddingLoss}, {@code softMarginLoss},
 * {@code multiMarginLoss}, {@code multilabelMarginLoss}), ATen's kernels: each declaration gives
 * {@code Torch.x} and {@code F.x}.
 *
 * <p>The class indices of the two multi-class losses are checked against the number of classes
 * here, before libtorch sees them, so that the error names the op, the index and the input's
 * shape (libtorch's CPU kernels index memory with them).
 *
 * <p>Shape: {@code hingeEmbeddingLoss} and {@code softMarginLoss} take input and target of equal
 * shape ({@link Rule#SAME_SHAPE_REDUCTION}); {@code multiMarginLoss} takes {@code [N, C]} scores
 * with int64 {@code [N]} class indices (or {@code [C]} with {@code []}); {@code
 * multilabelMarginLoss} takes {@code [N, C]} scores with int64 {@code [N, C]} class indices (or
 * {@code [C]} with {@code [C]}). The result is 0-d, or one loss per element ({@code
 * hingeEmbeddingLoss}, {@code softMarginLoss}) or per sample ({@code [N]}, the others) with
 * {@link Reduction#NONE}.
 */
final class MarginLossOps {

  private MarginLossOps() {}

  /**
   * {@code x} where {@code target} is 1 and {@code max(0, margin - x)} where it is -1, reduced, as
   * {@code F.hinge_embedding_loss(input, target, margin, reduction)}: {@code input} is typically
   * a distance between two embeddings, {@code target} says whether they should be alike.
   *
   * <p>Shape: {@code [*s], [*s] -> []} (or {@code [*s]} unreduced), {@link
   * Rule#SAME_SHAPE_REDUCTION}.
   *
   * @param target 1 or -1 per element
   * @param margin the margin for dissimilar pairs, PyTorch's default 1
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor hingeEmbeddingLoss(Tensor input, Tensor target, double margin,
      Reduction reduction) {
    String op = "Torch.hingeEmbeddingLoss";
    long aten = Arguments.requireNonNull(reduction, "reduction").aten(op);
    return Natives.call(op, () -> torch.hinge_embedding_loss(input.h(), target.h(), margin, aten),
        input, target);
  }

  /**
   * {@link #hingeEmbeddingLoss(Tensor, Tensor, double, Reduction)} with PyTorch's defaults:
   * margin 1, the mean.
   *
   * <p>Shape: {@code [*s], [*s] -> []} ({@link Rule#SAME_SHAPE}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  static Tensor hingeEmbeddingLoss(Tensor input, Tensor target) {
    return hingeEmbeddingLoss(input, target, 1.0, Reduction.MEAN);
  }

  /**
   * The logistic loss {@code log(1 + exp(-target * input))}, elementwise, reduced, as {@code
   * F.soft_margin_loss(input, target, reduction)}.
   *
   * <p>Shape: {@code [*s], [*s] -> []} (or {@code [*s]} unreduced), {@link
   * Rule#SAME_SHAPE_REDUCTION}.
   *
   * @param target 1 or -1 per element
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor softMarginLoss(Tensor input, Tensor target, Reduction reduction) {
    String op = "Torch.softMarginLoss";
    long aten = Arguments.requireNonNull(reduction, "reduction").aten(op);
    return Natives.call(op, () -> torch.soft_margin_loss(input.h(), target.h(), aten), input,
        target);
  }

  /**
   * {@link #softMarginLoss(Tensor, Tensor, Reduction)} with PyTorch's default, the mean.
   *
   * <p>Shape: {@code [*s], [*s] -> []} ({@link Rule#SAME_SHAPE}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  static Tensor softMarginLoss(Tensor input, Tensor target) {
    return softMarginLoss(input, target, Reduction.MEAN);
  }

  /**
   * The multi-class hinge loss {@code sum_{i != y} w_y max(0, margin - x[y] + x[i])^p / C} per
   * sample, {@code y} the sample's class, reduced, as {@code F.multi_margin_loss(input, target,
   * p, margin, weight, reduction)}.
   *
   * <p>Shape: {@code [N, C]} with int64 {@code [N]} (or {@code [C]} with {@code []}) {@code ->
   * []}, or {@code [N]} unreduced ({@link Rule#NLL_LOSS_REDUCTION}, limited to one batch dim);
   * the weight is {@code [C]}.
   *
   * @param p 1 or 2, PyTorch's default 1
   * @param margin PyTorch's default 1
   * @param weight a weight per class, or null
   * @throws IllegalArgumentException if {@code p} is not 1 or 2, the input is not 1-D or 2-D,
   *     the target is not int64, a class index is outside {@code [0, C)}, or the weight is not
   *     {@code [C]}
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.NLL_LOSS_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor multiMarginLoss(Tensor input, Tensor target, long p, double margin,
      @Nullable Tensor weight, Reduction reduction) {
    String op = "Torch.multiMarginLoss";
    long aten = Arguments.requireNonNull(reduction, "reduction").aten(op);
    if (p != 1 && p != 2) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": p must be 1 or 2, got " + p);
    }
    long classes = scores(op, input);
    LossOps.integerTarget(op, Natives.nonNull(target, "target"));
    if (target.numel() > 0) {
      long lo = target.min().itemLong();
      long hi = target.max().itemLong();
      if (lo < 0 || hi >= classes) {
        throw new IllegalArgumentException(UserCall.attribute(op) + ": class index "
            + (lo < 0 ? lo : hi) + " in target " + target.shapeOf() + " is not a class of input "
            + input.shapeOf() + "; class indices must lie in [0, " + classes + ")");
      }
    }
    if (weight != null && (weight.dim() != 1 || weight.size(0) != classes)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": weight has shape "
          + weight.shapeOf() + " but input " + input.shapeOf() + " has " + classes
          + " classes; pass one weight per class, [" + classes + "]");
    }
    try (Scalar ps = Natives.scalar(p);
        Scalar m = Natives.scalar(margin);
        TensorOptional w = Natives.optional(weight)) {
      return Tensor.wrap(torch.multi_margin_loss(input.h(), target.h(), ps, m, w, aten));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, target, weight);
    }
  }

  /**
   * {@link #multiMarginLoss(Tensor, Tensor, long, double, Tensor, Reduction)} with PyTorch's
   * defaults: {@code p = 1}, margin 1, no weight, the mean.
   *
   * <p>Shape: {@code [N, C]} with int64 {@code [N]} (or {@code [C]} with {@code []}) {@code ->
   * []} ({@link Rule#NLL_LOSS}).
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.NLL_LOSS, args = {"input", "target"})
  static Tensor multiMarginLoss(Tensor input, Tensor target) {
    return multiMarginLoss(input, target, 1, 1.0, null, Reduction.MEAN);
  }

  /**
   * The multi-label hinge loss {@code sum_{j in Y} sum_{i not in Y} max(0, 1 - (x[j] - x[i])) /
   * C} per sample, reduced, as {@code F.multilabel_margin_loss(input, target, reduction)}. A
   * sample's labels {@code Y} are its target's leading class indices, up to the first -1
   * ({@code [3, 0, -1, 1]} means classes 3 and 0); what follows it is ignored, but must be
   * an index in {@code [-1, C)} too.
   *
   * <p>Shape: {@code [N, C], [N, C] -> []} (or {@code [N]} unreduced); one sample {@code [C],
   * [C]}.
   *
   * @param target int64 class indices in {@code [-1, C)}, each list ended by -1 unless it fills
   *     the row
   * @throws IllegalArgumentException if the input is not 1-D or 2-D, the target is not int64, or
   *     an index is outside {@code [-1, C)} (as PyTorch, also after the list's end)
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static Tensor multilabelMarginLoss(@Shape({"*b", "C"}) Tensor input,
      @Shape({"*b", "C"}) Tensor target, Reduction reduction) {
    String op = "Torch.multilabelMarginLoss";
    long aten = Arguments.requireNonNull(reduction, "reduction").aten(op);
    long classes = scores(op, input);
    LossOps.integerTarget(op, Natives.nonNull(target, "target"));
    if (!input.shapeOf().equals(target.shapeOf())) {
      throw new ShapeException(ShapeMismatch.of(MessageKeys.MISMATCH_LOSS_SAME, op,
          "target has shape " + target.shapeOf() + " but input has " + input.shapeOf()
              + "; pass one row of class indices per sample, of the input's shape (end each"
              + " list with -1)"));
    }
    if (target.numel() > 0) {
      long lo = target.min().itemLong();
      long hi = target.max().itemLong();
      if (lo < -1 || hi >= classes) {
        throw new IllegalArgumentException(UserCall.attribute(op) + ": label "
            + (lo < -1 ? lo : hi) + " in target " + target.shapeOf() + " is not a class of input "
            + input.shapeOf() + "; labels must lie in [0, " + classes + "), and -1 ends a row's"
            + " list");
      }
    }
    return Natives.call(op, () -> torch.multilabel_margin_loss(input.h(), target.h(), aten),
        input, target);
  }

  /**
   * {@link #multilabelMarginLoss(Tensor, Tensor, Reduction)} with PyTorch's default, the mean.
   *
   * <p>Shape: {@code [N, C], [N, C] -> []}; one sample {@code [C], [C]}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({}) Tensor multilabelMarginLoss(@Shape({"*b", "C"}) Tensor input,
      @Shape({"*b", "C"}) Tensor target) {
    return multilabelMarginLoss(input, target, Reduction.MEAN);
  }

  /** The number of classes of 1-D or 2-D scores; refuses other ranks and empty class dims. */
  private static long scores(String op, Tensor input) {
    int rank = Natives.nonNull(input, "input").dim();
    if (rank != 1 && rank != 2) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": input " + input.shapeOf()
          + " must be the scores of a batch [N, C] or of one sample [C]");
    }
    long classes = input.size(rank - 1);
    if (classes == 0) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": input " + input.shapeOf()
          + " has no classes");
    }
    return classes;
  }
}

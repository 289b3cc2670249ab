package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The input/target contracts of losses.
 *
 * <p>Class-index losses ({@code crossEntropy}, {@code nllLoss}) take logits {@code [N, C]} and
 * class indices {@code [N]}, an unbatched {@code [C]} with a 0-d target, or {@code [N, C, d1,
 * ..]} with {@code [N, d1, ..]}; a target with the input's rank holds class probabilities and
 * must have the input's shape. Same-shape losses ({@code mseLoss}, {@code l1Loss}, {@code
 * binaryCrossEntropy}) require equal shapes: PyTorch broadcasts an {@code (N, 1)} input against
 * an {@code (N)} target to an {@code (N, N)} loss without a word, which is almost never meant.
 *
 * <p>The reduced rules return the shape of a mean/sum-reduced loss, {@code []}; the {@code
 * Unreduced} variants return the {@code reduction="none"} shape; the variants that take a
 * reduction's name return the one it selects.
 */
public final class LossRules {
  private LossRules() {}

  /** Class-index loss, reduced. Shape: {@code [N, C] + [N] -> []}. */
  public static ShapeResult<TensorShape> classIndexLoss(
      String op, TensorShape input, TensorShape target) {
    return classIndexLossUnreduced(op, input, target).map(s -> TensorShape.of());
  }

  /**
   * Class-index loss with {@code reduction="none"}. Shape: {@code [N, C] + [N] -> [N]}, {@code
   * [C] + [] -> []}, {@code [N, C, d..] + [N, d..] -> [N, d..]}; probabilities: {@code [N, C] +
   * [N, C] -> [N]}. Key {@link MessageKeys#MISMATCH_LOSS_TARGET}.
   */
  public static ShapeResult<TensorShape> classIndexLossUnreduced(
      String op, TensorShape input, TensorShape target) {
    return classIndexLossUnreduced(op, input, target, true);
  }

  /**
   * The negative log-likelihood's contract with {@code reduction="none"}: {@link
   * #classIndexLossUnreduced(String, TensorShape, TensorShape)} without the class
   * probabilities, which {@code nll_loss} does not take. Shape: {@code [N, C] + [N] -> [N]},
   * {@code [C] + [] -> []}, {@code [N, C, d..] + [N, d..] -> [N, d..]}; a target of the input's
   * rank is a mismatch (key {@link MessageKeys#MISMATCH_LOSS_TARGET}).
   */
  public static ShapeResult<TensorShape> nllLossUnreduced(
      String op, TensorShape input, TensorShape target) {
    return classIndexLossUnreduced(op, input, target, false);
  }

  /** The negative log-likelihood, reduced. Shape: {@code [N, C] + [N] -> []}. */
  public static ShapeResult<TensorShape> nllLoss(
      String op, TensorShape input, TensorShape target) {
    return nllLossUnreduced(op, input, target).map(s -> TensorShape.of());
  }

  /**
   * The negative log-likelihood given a reduction, by name, as {@link #classIndexLoss(String,
   * TensorShape, TensorShape, String)} without class probabilities ({@link #nllLossUnreduced}).
   */
  public static ShapeResult<TensorShape> nllLoss(
      String op, TensorShape input, TensorShape target, String reduction) {
    return nllLossUnreduced(op, input, target).map(s -> reduced(s, reduction));
  }

  /**
   * {@code NLLLoss.forward}: {@link #nllLoss(String, TensorShape, TensorShape, String)} with the
   * reduction the module's type holds ({@link #lossModule}).
   */
  public static ShapeResult<TensorShape> nllLossLayer(
      String op, TensorShape module, TensorShape input, TensorShape target) {
    return nllLoss(op, input, target, reductionOf(module));
  }

  private static ShapeResult<TensorShape> classIndexLossUnreduced(
      String op, TensorShape input, TensorShape target, boolean probabilities) {
    if (input.hasVariadic() || target.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    int ri = input.rank();
    int rt = target.rank();
    if (ri == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "input must be [C] or [N, C, ...] logits, got the 0-d " + input, 0, -1);
    }
    if (rt == ri && !probabilities) {
      return RuleSupport.fail(MessageKeys.MISMATCH_LOSS_TARGET, op,
          "target " + target + " must be " + expected(input) + " (class indices) for input "
              + input + ": this loss takes no class probabilities, so a target of the input's"
              + " rank is an error (drop the class dim, " + Unifier.dimLabel(input,
                  ri == 1 ? 0 : 1) + ")", 1, -1);
    }
    if (rt == ri) {
      ShapeResult<TensorShape> same = sameShape(op, input, target);
      if (!same.isOk()) {
        return RuleSupport.fail(MessageKeys.MISMATCH_LOSS_TARGET, op,
            "a target with the input's rank holds class probabilities and must have the "
                + "input's shape: input is " + input + ", target is " + target
                + " (for class indices, drop the class dim, " + Unifier.dimLabel(input,
                    ri == 1 ? 0 : 1) + ")", 1, -1);
      }
      return ShapeResult.ok(withoutClassDim(input));
    }
    if (rt != ri - 1) {
      return RuleSupport.fail(MessageKeys.MISMATCH_LOSS_TARGET, op,
          "target " + target + " must be " + expected(input) + " (class indices) for input "
              + input + ", got rank " + rt, 1, -1);
    }
    List<DimExpr> want = withoutClassDim(input).dims();
    for (int i = 0; i < rt; i++) {
      if (RuleSupport.differ(want.get(i), target.dim(i))) {
        return RuleSupport.fail(MessageKeys.MISMATCH_LOSS_TARGET, op,
            "target " + target + " must be " + expected(input) + " for input " + input
                + " (dim " + i + ": " + target.dim(i) + " vs " + want.get(i) + ")", 1, i);
      }
    }
    return ShapeResult.ok(withoutClassDim(input));
  }

  /**
   * Class-index loss given a reduction, by the name of its {@code Reduction} constant. Shape:
   * {@code "NONE"} as {@link #classIndexLossUnreduced}; any other constant ({@code "MEAN"},
   * {@code "SUM"}) {@code []}; null (not a constant) checks the input/target contract and gives
   * a shape of unknown rank, since the result is either.
   */
  public static ShapeResult<TensorShape> classIndexLoss(
      String op, TensorShape input, TensorShape target, String reduction) {
    ShapeResult<TensorShape> unreduced = classIndexLossUnreduced(op, input, target);
    return unreduced.map(s -> reduced(s, reduction));
  }

  /**
   * Same-shape loss given a reduction, by the name of its {@code Reduction} constant. Shape:
   * {@code "NONE"}: {@code [*] + [*] -> [*]}; any other constant ({@code "MEAN"}, {@code
   * "SUM"}, {@code "BATCHMEAN"}): {@code []}; null (not a constant) checks the shapes and gives
   * a shape of unknown rank, since the result is either.
   */
  public static ShapeResult<TensorShape> sameShapeLoss(
      String op, TensorShape input, TensorShape target, String reduction) {
    return sameShape(op, input, target).map(s -> reduced(s, reduction));
  }

  /**
   * A same-shape loss with elementwise weights, as binary cross-entropy takes them ({@code
   * weight}, {@code posWeight}): {@link #sameShapeLoss(String, TensorShape, TensorShape,
   * String)}, then each weight that is given must broadcast with the input ({@link
   * Broadcasting#broadcast(String, TensorShape, TensorShape)}, key {@link
   * MessageKeys#BROADCAST}, blaming the weight).
   *
   * @param weight null when absent
   * @param posWeight null when absent
   */
  public static ShapeResult<TensorShape> weightedSameShapeLoss(String op, TensorShape input,
      TensorShape target, String reduction, TensorShape weight, TensorShape posWeight) {
    ShapeResult<TensorShape> loss = sameShapeLoss(op, input, target, reduction);
    if (!loss.isOk()) {
      return loss;
    }
    TensorShape[] weights = {weight, posWeight};
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] == null) {
        continue;
      }
      ShapeResult<TensorShape> b = Broadcasting.broadcast(op, input, weights[i]);
      if (!b.isOk()) {
        ShapeMismatch m = b.mismatch();
        return ShapeResult.mismatch(
            new ShapeMismatch(m.key(), m.op(), m.detail(), 3 + i, m.dim()));
      }
    }
    return loss;
  }

  private static TensorShape reduced(TensorShape unreduced, String reduction) {
    if (reduction == null) {
      return TensorShape.unknownRank();
    }
    return reduction.equals("NONE") ? unreduced : TensorShape.of();
  }

  /** Same-shape loss, reduced. Shape: {@code [*] + [*] -> []}. */
  public static ShapeResult<TensorShape> sameShapeLoss(
      String op, TensorShape input, TensorShape target) {
    return sameShape(op, input, target).map(s -> TensorShape.of());
  }

  /**
   * Same-shape loss with {@code reduction="none"}, and the check behind every same-shape loss.
   * Shape: {@code [*] + [*] -> [*]}; unknown sizes match anything. Key {@link
   * MessageKeys#MISMATCH_LOSS_SAME}, whose message says what broadcasting would have done.
   */
  public static ShapeResult<TensorShape> sameShape(
      String op, TensorShape input, TensorShape target) {
    if (input.isConcrete() && target.isConcrete()) {
      if (input.equals(target)) {
        return ShapeResult.ok(input);
      }
    } else if (compatible(input, target)) {
      return ShapeResult.ok(input.hasVariadic() ? target : input);
    }
    String detail = "input is " + input + " but target is " + target + "; they must be equal";
    ShapeResult<TensorShape> b = Broadcasting.broadcast(op, input, target);
    if (b.isOk()) {
      detail += " (broadcasting would silently compute a " + b.value() + " loss"
          + (b.value().equals(input) || b.value().equals(target) ? ""
              : ", pairing every input with every target") + "; squeeze or reshape one of them)";
    }
    return RuleSupport.fail(MessageKeys.MISMATCH_LOSS_SAME, op, detail, 1, -1);
  }

  private static boolean compatible(TensorShape a, TensorShape b) {
    if (!a.hasVariadic() && !b.hasVariadic() && a.rank() != b.rank()) {
      return false;
    }
    int n = Math.min(a.rank(), b.rank());
    for (int j = 1; j <= n; j++) {
      if (RuleSupport.differ(a.dim(a.rank() - j), b.dim(b.rank() - j))) {
        return false;
      }
    }
    return true;
  }

  private static TensorShape withoutClassDim(TensorShape input) {
    if (input.rank() == 1) {
      return TensorShape.of();
    }
    List<DimExpr> out = new ArrayList<>(input.dims());
    out.remove(1);
    return TensorShape.of(out);
  }

  private static String expected(TensorShape input) {
    return withoutClassDim(input).toString();
  }

  /**
   * The reductions, as a loss module's type holds them: the code of each {@code Reduction}
   * constant, by index ({@code NONE} 0, {@code MEAN} 1, {@code SUM} 2, {@code BATCHMEAN} 3).
   */
  private static final List<String> REDUCTIONS = List.of("NONE", "MEAN", "SUM", "BATCHMEAN");

  /**
   * The code a loss module's type holds for a reduction, by the name of its {@code Reduction}
   * constant: {@code NONE} 0, {@code MEAN} 1, {@code SUM} 2, {@code BATCHMEAN} 3. The runtime's
   * loss modules pass it to their forward's rule, as the checker reads it from their type.
   *
   * @throws IllegalArgumentException for a name that is no reduction
   */
  public static long reductionCode(String reduction) {
    int i = REDUCTIONS.indexOf(reduction);
    if (i < 0) {
      throw new IllegalArgumentException("no reduction is named " + reduction
          + "; expected one of " + REDUCTIONS);
    }
    return i;
  }

  /**
   * A loss module's type, from its constructor's reduction (a {@code Reduction} constant's name,
   * or null when it is not a constant). Shape: {@code [r]}, {@code r} the {@linkplain
   * #reductionCode code}; of unknown rank when the reduction is not known.
   */
  public static ShapeResult<TensorShape> lossModule(String op, String reduction) {
    if (reduction == null || !REDUCTIONS.contains(reduction)) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    return ShapeResult.ok(TensorShape.of(reductionCode(reduction)));
  }

  /**
   * The reduction a loss module's type holds ({@link #lossModule}), by name, or null when the
   * type does not say (unknown rank or size, or a code that is no reduction).
   */
  static String reductionOf(TensorShape module) {
    if (module.hasVariadic() || module.rank() != 1 || !module.dim(0).isConstant()) {
      return null;
    }
    long code = module.dim(0).constantValue();
    return code >= 0 && code < REDUCTIONS.size() ? REDUCTIONS.get((int) code) : null;
  }

  /**
   * {@code CrossEntropyLoss}'s forward: {@link
   * #classIndexLoss(String, TensorShape, TensorShape, String)} with the reduction its type
   * holds. Shape: {@code []} reduced, {@code [N, C] + [N] -> [N]} with {@code NONE}; of unknown
   * rank when the type does not say.
   */
  public static ShapeResult<TensorShape> classIndexLossLayer(
      String op, TensorShape module, TensorShape input, TensorShape target) {
    return classIndexLoss(op, input, target, reductionOf(module));
  }

  /**
   * A same-shape loss module's forward ({@code MSELoss}, {@code L1Loss}, {@code SmoothL1Loss},
   * {@code HuberLoss}, {@code BCELoss}, {@code BCEWithLogitsLoss}, {@code KLDivLoss}): {@link
   * #sameShapeLoss(String, TensorShape, TensorShape, String)} with the reduction its type holds.
   * Shape: {@code [*s] + [*s] -> []} reduced, {@code [*s]} with {@code NONE}; of unknown rank
   * when the type does not say.
   */
  public static ShapeResult<TensorShape> sameShapeLossLayer(
      String op, TensorShape module, TensorShape input, TensorShape target) {
    return sameShapeLoss(op, input, target, reductionOf(module));
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#CLASS_INDEX_LOSS_REDUCTION}'s inputs: input, target, reduction. */
  static ShapeResult<TensorShape> classIndexLoss(RuleArgs a) {
    return classIndexLoss(a.op, a.tensor(0), a.tensor(1), a.enumConstant(2));
  }

  /** {@link Rule#LOSS_MODULE}'s input: the constructor's reduction. */
  static ShapeResult<TensorShape> lossModule(RuleArgs a) {
    return lossModule(a.op, a.enumConstant(0));
  }

  /** {@link Rule#NLL_LOSS_REDUCTION}'s inputs: input, target, reduction. */
  static ShapeResult<TensorShape> nllLoss(RuleArgs a) {
    return nllLoss(a.op, a.tensor(0), a.tensor(1), a.enumConstant(2));
  }

  /** {@link Rule#SAME_SHAPE_REDUCTION}'s inputs: input, target, reduction. */
  static ShapeResult<TensorShape> sameShapeLoss(RuleArgs a) {
    return sameShapeLoss(a.op, a.tensor(0), a.tensor(1), a.enumConstant(2));
  }

  /** {@link Rule#SAME_SHAPE_REDUCTION_WEIGHTED}'s inputs: input, target, reduction, weights. */
  static ShapeResult<TensorShape> weightedSameShapeLoss(RuleArgs a) {
    return weightedSameShapeLoss(a.op, a.tensor(0), a.tensor(1), a.enumConstant(2),
        a.optionalTensor(3), a.optionalTensor(4));
  }
}

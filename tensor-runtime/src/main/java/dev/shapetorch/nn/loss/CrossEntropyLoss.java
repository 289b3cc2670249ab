package dev.shapetorch.nn.loss;

import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * Cross-entropy of logits against class indices or class probabilities: PyTorch's {@code
 * nn.CrossEntropyLoss}.
 *
 * <p>Shape: {@code [N, C]} logits with int64 {@code [N]} indices (also {@code [C]} with {@code
 * []}, {@code [N, C, d...]} with {@code [N, d...]}), or with probabilities of the logits'
 * shape; the result is 0-d, or the target's batch shape with {@link Reduction#NONE}. The class
 * weight, when given, is {@code [C]} (a buffer named {@code weight}).
 */
public final class CrossEntropyLoss extends AbstractWeightedLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(CrossEntropyLoss.class, "input", "target");
  private final long ignoreIndex;
  private final double labelSmoothing;

  /** PyTorch's defaults: no weight, no ignored class, mean, no smoothing. */
  public @Shape({"1"}) CrossEntropyLoss() {
    this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
  }

  /**
   * Every option.
   *
   * @param weight a weight per class {@code [C]}, or null
   * @param ignoreIndex a class whose targets are skipped ({@code F.DEFAULT_IGNORE_INDEX}: none)
   * @param labelSmoothing in {@code [0, 1]}
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public CrossEntropyLoss(
      Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
    super("CrossEntropyLoss", weight, reduction);
    this.ignoreIndex = ignoreIndex;
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(
          "CrossEntropyLoss: labelSmoothing must be in [0, 1], got " + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
  }

  /**
   * The loss.
   *
   * <p>Shape: as the class says, by {@link Rule#CLASS_INDEX_LOSS_LAYER}: the functions' contract,
   * and the result's rank from the reduction the module's type holds.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.loss.target]} if the
   *     target is neither the class indices nor the probabilities for the input,
   *     {@code [shape.dtype.contract]} if class indices are not integral, or probabilities
   *     (a target of the input's shape) not floating
   */
  @Override
  @ShapeRule(value = Rule.CLASS_INDEX_LOSS_LAYER, args = {"this", "input", "target"})
  @DTypeEffect(value = DTypeRule.CLASS_INDEX_TARGET, args = {"input", "target"})
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    FORWARD.check(reductionVector(), input, target);
    DTypeContracts.require(DTypeRule.CLASS_INDEX_TARGET, "CrossEntropyLoss.forward",
        new String[] {"input", "target"}, input, target);
    return F.crossEntropy(input, target, weight(), ignoreIndex, reduction(), labelSmoothing);
  }
}

package dev.shapetorch.nn.loss;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The logistic loss {@code log(1 + exp(-target * input))} of scores against labels of 1 or -1,
 * reduced: PyTorch's {@code nn.SoftMarginLoss}.
 *
 * <p>Shape: input and target of <em>equal</em> shape {@code [*s]}; the result is 0-d, or {@code
 * [*s]} with {@link Reduction#NONE}.
 */
public final class SoftMarginLoss extends AbstractLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(SoftMarginLoss.class, "input", "target");

  /** {@link Reduction#MEAN}, as {@code nn.SoftMarginLoss()}. */
  public @Shape({"1"}) SoftMarginLoss() {
    this(Reduction.MEAN);
  }

  /**
   * With the given reduction.
   *
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public SoftMarginLoss(Reduction reduction) {
    super("SoftMarginLoss", reduction);
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [*s], [*s] -> []} (or {@code [*s]} unreduced). Checked by {@link
   * Rule#SAME_SHAPE_LOSS_LAYER}, the rank from the module's reduction.
   *
   * @param target 1 or -1 per element
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.loss.same]} if the
   *     shapes differ
   */
  @Override
  @ShapeRule(value = Rule.SAME_SHAPE_LOSS_LAYER, args = {"this", "input", "target"})
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    FORWARD.check(reductionVector(), input, target);
    return F.softMarginLoss(input, target, reduction());
  }
}

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
 * The absolute error {@code |input - target|}, reduced: PyTorch's {@code nn.L1Loss}.
 *
 * <p>Shape: input and target of <em>equal</em> shape {@code [*s]} (no broadcasting: {@code
 * [N, 1]} against {@code [N]} is an error); the result is 0-d, or {@code [*s]} with {@link
 * Reduction#NONE}.
 */
public final class L1Loss extends AbstractLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(L1Loss.class, "input", "target");

  /** {@link Reduction#MEAN}, as {@code nn.L1Loss()}. */
  public @Shape({"1"}) L1Loss() {
    this(Reduction.MEAN);
  }

  /** With the given reduction. */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public L1Loss(Reduction reduction) {
    super("L1Loss", reduction);
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [*s], [*s] -> []} (or {@code [*s]} unreduced).
   * Checked by {@link Rule#SAME_SHAPE_LOSS_LAYER}, the rank from the module's reduction.
   *
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
    return F.l1Loss(input, target, reduction());
  }
}

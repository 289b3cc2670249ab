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
 * The Huber loss: {@code 0.5 d^2} where {@code |d| < delta}, {@code delta (|d| - 0.5 delta)} elsewhere, reduced: PyTorch's {@code nn.HuberLoss}.
 *
 * <p>Shape: input and target of <em>equal</em> shape {@code [*s]} (no broadcasting: {@code
 * [N, 1]} against {@code [N]} is an error); the result is 0-d, or {@code [*s]} with {@link
 * Reduction#NONE}.
 */
public final class HuberLoss extends AbstractLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(HuberLoss.class, "input", "target");

  private final double delta;

  /** {@link Reduction#MEAN}, delta 1.0, as {@code nn.HuberLoss()}. */
  public @Shape({"1"}) HuberLoss() {
    this(Reduction.MEAN, 1.0);
  }

  /**
   * With the given reduction and delta.
   *
   * @param delta where the loss turns from quadratic to linear
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public HuberLoss(Reduction reduction, double delta) {
    super("HuberLoss", reduction);
    this.delta = delta;
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
    return F.huberLoss(input, target, reduction(), delta);
  }
}

package dev.shapetorch.nn.loss;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.activation.Sigmoid;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * Binary cross-entropy of probabilities (pair it with {@link Sigmoid}, or better use {@link
 * BCEWithLogitsLoss}): PyTorch's {@code nn.BCELoss}.
 *
 * <p>Shape: input and target of equal shape {@code [*s]}; the weight, when given, broadcasts
 * to it (a buffer named {@code weight}); the result is 0-d, or {@code [*s]} with {@link
 * Reduction#NONE}.
 */
public final class BCELoss extends AbstractWeightedLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(BCELoss.class, "input", "target");

  /** No weight, mean. */
  public @Shape({"1"}) BCELoss() {
    this(null, Reduction.MEAN);
  }

  /**
   * Every option.
   *
   * @param weight a weight per element (broadcast), or null
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public BCELoss(Tensor weight, Reduction reduction) {
    super("BCELoss", weight, reduction);
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [*s], [*s] -> []} (or {@code [*s]} unreduced).
   * Checked by {@link Rule#SAME_SHAPE_LOSS_LAYER}, the rank from the module's reduction.
   */
  @Override
  @ShapeRule(value = Rule.SAME_SHAPE_LOSS_LAYER, args = {"this", "input", "target"})
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    FORWARD.check(reductionVector(), input, target);
    return F.binaryCrossEntropy(input, target, weight(), reduction());
  }
}

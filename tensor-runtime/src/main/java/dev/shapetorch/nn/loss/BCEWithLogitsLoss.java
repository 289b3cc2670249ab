package dev.shapetorch.nn.loss;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * Binary cross-entropy of logits, with a numerically stable sigmoid inside: PyTorch's {@code
 * nn.BCEWithLogitsLoss}.
 *
 * <p>Shape: input and target of equal shape {@code [*s]}; {@code weight} broadcasts to it,
 * {@code posWeight} (one per class) along the last dim (buffers named {@code weight} and
 * {@code pos_weight}); the result is 0-d, or {@code [*s]} with {@link Reduction#NONE}.
 */
public final class BCEWithLogitsLoss extends AbstractWeightedLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(BCEWithLogitsLoss.class, "input", "target");

  private final Buffer posWeight;

  /** No weights, mean. */
  public @Shape({"1"}) BCEWithLogitsLoss() {
    this(null, Reduction.MEAN, null);
  }

  /**
   * Every option, in PyTorch's order.
   *
   * @param weight a weight per element (broadcast), or null
   * @param posWeight a weight of positive examples per class, or null
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
    super("BCEWithLogitsLoss", weight, reduction);
    this.posWeight = buffer(posWeight);
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
    return F.binaryCrossEntropyWithLogits(
        input, target, weight(), tensor(posWeight), reduction());
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    super.visitChildren(visitor);
    visitor.buffer("pos_weight", posWeight);
  }
}

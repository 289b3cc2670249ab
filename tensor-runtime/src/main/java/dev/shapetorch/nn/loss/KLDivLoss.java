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
 * The Kullback-Leibler divergence of {@code target} from the distribution whose
 * log-probabilities are {@code input}: PyTorch's {@code nn.KLDivLoss}. Use {@link
 * Reduction#BATCHMEAN} for the mathematically correct mean ({@link Reduction#MEAN}, the
 * default, divides by the number of elements, as PyTorch does).
 *
 * <p>Shape: input and target of equal shape {@code [*s]}; the result is 0-d, or {@code [*s]}
 * with {@link Reduction#NONE}.
 */
public final class KLDivLoss extends AbstractLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(KLDivLoss.class, "input", "target");

  private final boolean logTarget;

  /** Mean over elements, target as probabilities. */
  public @Shape({"1"}) KLDivLoss() {
    this(Reduction.MEAN, false);
  }

  /**
   * Every option.
   *
   * @param logTarget whether the target holds log-probabilities
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public KLDivLoss(Reduction reduction, boolean logTarget) {
    super("KLDivLoss", reduction);
    this.logTarget = logTarget;
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
    return F.klDiv(input, target, reduction(), logTarget);
  }
}

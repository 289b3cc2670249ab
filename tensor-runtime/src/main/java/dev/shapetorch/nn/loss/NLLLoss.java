package dev.shapetorch.nn.loss;

import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities at class indices: PyTorch's {@code
 * nn.NLLLoss} (pair it with {@link LogSoftmax}).
 *
 * <p>Shape: {@code [N, C]} with int64 {@code [N]} (also {@code [C]} with {@code []}, {@code [N,
 * C, d...]} with {@code [N, d...]}); the result is 0-d, or {@code [N, d...]} with {@link
 * Reduction#NONE}. The class weight, when given, is {@code [C]} (a buffer named {@code
 * weight}).
 */
public final class NLLLoss extends AbstractWeightedLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(NLLLoss.class, "input", "target");
  private final long ignoreIndex;

  /** PyTorch's defaults: no weight, no ignored class, mean. */
  public @Shape({"1"}) NLLLoss() {
    this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
  }

  /**
   * Every option.
   *
   * @param weight a weight per class {@code [C]}, or null
   * @param ignoreIndex a class whose targets are skipped ({@code F.DEFAULT_IGNORE_INDEX}: none)
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
    super("NLLLoss", weight, reduction);
    this.ignoreIndex = ignoreIndex;
  }

  /**
   * The loss.
   *
   * <p>Shape: as the class says, by {@link Rule#NLL_LOSS_LAYER}: the functions' contract,
   * and the result's rank from the reduction the module's type holds.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.loss.target]} if the
   *     target is not the class indices for the input,
   *     {@code [shape.dtype.contract]} if the class indices are not integral
   */
  @Override
  @ShapeRule(value = Rule.NLL_LOSS_LAYER, args = {"this", "input", "target"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"target"})
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    FORWARD.check(reductionVector(), input, target);
    DTypeContracts.require(DTypeRule.REQUIRES_INTEGRAL, "NLLLoss.forward", "target", target);
    return F.nllLoss(input, target, weight(), ignoreIndex, reduction());
  }
}

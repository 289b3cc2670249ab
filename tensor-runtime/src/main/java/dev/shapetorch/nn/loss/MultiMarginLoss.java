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
 * The multi-class hinge loss of scores at class indices, reduced: PyTorch's {@code
 * nn.MultiMarginLoss}. Each sample's loss is {@code sum_{i != y} w_y max(0, margin - x[y] +
 * x[i])^p / C}, {@code y} its class.
 *
 * <p>Shape: {@code [N, C]} with int64 {@code [N]} (or {@code [C]} with {@code []}); the result
 * is 0-d, or {@code [N]} with {@link Reduction#NONE}. The class weight, when given, is {@code
 * [C]} (a buffer named {@code weight}).
 */
public final class MultiMarginLoss extends AbstractWeightedLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(MultiMarginLoss.class, "input", "target");
  private final long p;
  private final double margin;

  /** PyTorch's defaults: {@code p = 1}, margin 1, no weight, the mean. */
  public @Shape({"1"}) MultiMarginLoss() {
    this(1, 1.0, null, Reduction.MEAN);
  }

  /**
   * Every option.
   *
   * @param p 1 or 2
   * @param margin the margin
   * @param weight a weight per class {@code [C]}, or null
   * @param reduction how the per-sample losses are reduced
   * @throws IllegalArgumentException if {@code p} is not 1 or 2, or {@code reduction} is null
   *     or {@link Reduction#BATCHMEAN}
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public MultiMarginLoss(long p, double margin, Tensor weight, Reduction reduction) {
    super("MultiMarginLoss", weight, reduction);
    if (p != 1 && p != 2) {
      throw new IllegalArgumentException("MultiMarginLoss: p must be 1 or 2, got " + p);
    }
    this.p = p;
    this.margin = margin;
  }

  /**
   * The loss.
   *
   * <p>Shape: as the class says, by {@link Rule#NLL_LOSS_LAYER} (one batch dim at most): the
   * functions' contract, and the result's rank from the reduction the module's type holds.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.loss.target]} if the
   *     target is not the class indices for the input
   * @throws IllegalArgumentException if a class index is not a class of the input
   */
  @Override
  @ShapeRule(value = Rule.NLL_LOSS_LAYER, args = {"this", "input", "target"})
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    FORWARD.check(reductionVector(), input, target);
    return F.multiMarginLoss(input, target, p, margin, weight(), reduction());
  }

  /** {@code p}. */
  public long p() {
    return p;
  }

  /** {@code margin}. */
  public double margin() {
    return margin;
  }
}

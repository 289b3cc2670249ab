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
 * {@code x} where the target is 1 and {@code max(0, margin - x)} where it is -1, reduced: PyTorch's
 * {@code nn.HingeEmbeddingLoss}, for learning whether two inputs are alike from a distance
 * {@code x} between them.
 *
 * <p>Shape: input and target of <em>equal</em> shape {@code [*s]}; the result is 0-d, or {@code
 * [*s]} with {@link Reduction#NONE}.
 */
public final class HingeEmbeddingLoss extends AbstractLoss implements Loss {
  private static final ForwardContract FORWARD =
      Guard.forward(HingeEmbeddingLoss.class, "input", "target");
  private final double margin;

  /** PyTorch's defaults: margin 1, {@link Reduction#MEAN}. */
  public @Shape({"1"}) HingeEmbeddingLoss() {
    this(1.0, Reduction.MEAN);
  }

  /**
   * With the given options.
   *
   * @param margin the margin for targets of -1
   * @param reduction how the per-element losses are reduced
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  @ShapeRule(value = Rule.LOSS_MODULE, args = {"reduction"})
  public HingeEmbeddingLoss(double margin, Reduction reduction) {
    super("HingeEmbeddingLoss", reduction);
    this.margin = margin;
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
    return F.hingeEmbeddingLoss(input, target, margin, reduction());
  }

  /** {@code margin}. */
  public double margin() {
    return margin;
  }
}

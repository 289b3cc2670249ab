package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The binary cross-entropy of logits averaged over each sample's labels, reduced: PyTorch's
 * {@code nn.MultiLabelSoftMarginLoss}.
 *
 * <p>Shape: {@code [N, C], [N, C] -> []} (or {@code [N]} with {@link Reduction#NONE}); the
 * weight, when given, is {@code [C]} (a buffer named {@code weight}).
 */
public final class MultiLabelSoftMarginLoss extends AbstractWeightedLoss implements Loss {

  /** With PyTorch's defaults: no weight, the mean. */
  public MultiLabelSoftMarginLoss() {
    this(null, Reduction.MEAN);
  }

  /**
   * With the given options.
   *
   * @param weight a weight per label {@code [C]}, or null
   * @param reduction how the per-sample losses are reduced
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  public MultiLabelSoftMarginLoss(Tensor weight, Reduction reduction) {
    super("MultiLabelSoftMarginLoss", weight, reduction);
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [N, C], [N, C] -> []} (or {@code [N]} unreduced), checked by {@link
   * F#multilabelSoftMarginLoss(Tensor, Tensor, Tensor, Reduction)}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the shapes differ or the weight is not
   *     {@code [C]}
   */
  @Override
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    return F.multilabelSoftMarginLoss(input, target, weight(), reduction());
  }
}

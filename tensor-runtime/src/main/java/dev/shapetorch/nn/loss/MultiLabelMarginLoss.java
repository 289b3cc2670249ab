package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The multi-label hinge loss, reduced: PyTorch's {@code nn.MultiLabelMarginLoss}. A sample's
 * labels are its target row's leading class indices, up to the first -1; its loss is
 * {@code sum_{j in labels} sum_{i not in labels} max(0, 1 - (x[j] - x[i])) / C}.
 *
 * <p>Shape: {@code [N, C], [N, C] -> []} (or {@code [N]} with {@link Reduction#NONE}), the target
 * int64; one sample {@code [C], [C]}.
 */
public final class MultiLabelMarginLoss extends AbstractLoss implements Loss {

  /** {@link Reduction#MEAN}, as {@code nn.MultiLabelMarginLoss()}. */
  public MultiLabelMarginLoss() {
    this(Reduction.MEAN);
  }

  /**
   * With the given reduction.
   *
   * @throws IllegalArgumentException if {@code reduction} is null or {@link
   *     Reduction#BATCHMEAN}
   */
  public MultiLabelMarginLoss(Reduction reduction) {
    super("MultiLabelMarginLoss", reduction);
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [N, C], [N, C] -> []} (or {@code [N]} unreduced), checked by {@link
   * F#multilabelMarginLoss(Tensor, Tensor, Reduction)}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the shapes differ
   * @throws IllegalArgumentException if a label is not a class of the input
   */
  @Override
  public Tensor forward(Tensor input, Tensor target) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, target);
  }

  private Tensor forwardBody(Tensor input, Tensor target) {
    return F.multilabelMarginLoss(input, target, reduction());
  }
}

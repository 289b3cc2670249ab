package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
/**
 * How a loss reduces its per-element values: PyTorch's {@code reduction=} strings.
 *
 * <p>Shape: {@link #NONE} keeps the per-element shape; the others give a 0-d tensor.
 */
public enum Reduction {
  /** No reduction: one loss per element ({@code "none"}). */
  NONE(0),
  /** The mean of the losses ({@code "mean"}, the default); weighted losses divide by the total weight. */
  MEAN(1),
  /** The sum of the losses ({@code "sum"}). */
  SUM(2),
  /** The sum divided by the batch size ({@code "batchmean"}): only for {@code klDiv}. */
  BATCHMEAN(-1);

  private final int aten;

  Reduction(int aten) {
    this.aten = aten;
  }

  /** ATen's code ({@code at::Reduction}); throws for {@link #BATCHMEAN}, which ATen lacks. */
  long aten(String op) {
    if (aten < 0) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": Reduction.BATCHMEAN is only defined for klDiv; use MEAN, SUM or NONE");
    }
    return aten;
  }
}

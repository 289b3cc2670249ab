package dev.shapetorch.nn.loss;

import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.tensor.Reduction;

/** Option checks shared by the loss modules. */
final class LossChecks {
  private LossChecks() {}

  /** The reduction, unless it is null or {@link Reduction#BATCHMEAN} (KLDivLoss only). */
  static Reduction reduction(String loss, Reduction reduction) {
    Arguments.requireNonNull(reduction, "reduction");
    if (reduction == Reduction.BATCHMEAN && !loss.equals("KLDivLoss")) {
      throw new IllegalArgumentException(
          loss + ": Reduction.BATCHMEAN is only defined for KLDivLoss");
    }
    return reduction;
  }
}

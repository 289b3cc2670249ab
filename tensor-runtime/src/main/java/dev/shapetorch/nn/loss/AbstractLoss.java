package dev.shapetorch.nn.loss;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.shapes.rules.LossRules;
import dev.shapetorch.tensor.Reduction;

/**
 * What every loss module shares, as PyTorch's {@code _Loss}: its reduction, checked once, no
 * children of its own, and PyTorch's repr, the name alone. Package-private: each loss declares
 * its own {@code forward}, whose shapes the Shape Checker reads per class; a loss of an input
 * and a target also implements {@link Loss}, one of three tensors ({@link
 * CosineEmbeddingLoss}, ...) does not.
 *
 * <p>Shape: as each loss documents.
 */
abstract class AbstractLoss extends AbstractModule {
  private final String name;
  private final Reduction reduction;
  private final long[] vector;

  /**
   * Checks the reduction under the loss's name.
   *
   * @throws IllegalArgumentException if {@code reduction} is null, or {@link
   *     Reduction#BATCHMEAN} for a loss other than KLDivLoss
   */
  AbstractLoss(String name, Reduction reduction) {
    Arguments.requireNonNull(reduction, "reduction");
    if (reduction == Reduction.BATCHMEAN && !name.equals("KLDivLoss")) {
      throw new IllegalArgumentException(
          name + ": Reduction.BATCHMEAN is only defined for KLDivLoss");
    }
    this.name = name;
    this.reduction = reduction;
    this.vector = new long[] {LossRules.reductionCode(reduction.name())};
  }

  /** How the per-element losses are reduced. */
  public Reduction reduction() {
    return reduction;
  }

  /**
   * The loss's type as the Shape Checker reads it from its constructor ({@link
   * dev.shapetorch.shapes.rules.Rule#LOSS_MODULE}): the reduction's code, which its forward's
   * rule reads to give the result's rank.
   */
  final long[] reductionVector() {
    return vector;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints a loss: its name without its options, {@code MSELoss()}. */
  @Override
  public String toString() {
    return name + "()";
  }
}

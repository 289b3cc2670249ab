package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * Cross-entropy of logits against class indices or class probabilities: PyTorch's {@code
 * nn.CrossEntropyLoss}.
 *
 * <p>Shape: {@code [N, C]} logits with int64 {@code [N]} indices (also {@code [C]} with {@code
 * []}, {@code [N, C, d...]} with {@code [N, d...]}), or with probabilities of the logits'
 * shape; the result is 0-d, or the target's batch shape with {@link Reduction#NONE}. The class
 * weight, when given, is {@code [C]} (a buffer named {@code weight}).
 */
public final class CrossEntropyLoss extends AbstractModule implements Loss {
  private final Buffer weight;
  private final long ignoreIndex;
  private final Reduction reduction;
  private final double labelSmoothing;

  /** PyTorch's defaults: no weight, no ignored class, mean, no smoothing. */
  public CrossEntropyLoss() {
    this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
  }

  /**
   * Every option.
   *
   * @param weight a weight per class {@code [C]}, or null
   * @param ignoreIndex a class whose targets are skipped ({@code F.DEFAULT_IGNORE_INDEX}: none)
   * @param labelSmoothing in {@code [0, 1]}
   */
  public CrossEntropyLoss(
      Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
    this.weight = weight == null ? null : new Buffer(weight);
    this.ignoreIndex = ignoreIndex;
    this.reduction = LossChecks.reduction("CrossEntropyLoss", reduction);
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(
          "CrossEntropyLoss: labelSmoothing must be in [0, 1], got " + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
  }

  /**
   * The loss.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public Tensor forward(Tensor input, Tensor target) {
    return F.crossEntropy(input, target, weight == null ? null : weight.get(), ignoreIndex,
        reduction, labelSmoothing);
  }

  @Override
  public Reduction reduction() {
    return reduction;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.buffer("weight", weight);
  }

  @Override
  public String toString() {
    return "CrossEntropyLoss()";
  }
}

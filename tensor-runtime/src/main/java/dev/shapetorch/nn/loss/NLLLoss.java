package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Arguments;
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
public final class NLLLoss extends AbstractModule implements Loss {
  private final Buffer weight;
  private final long ignoreIndex;
  private final Reduction reduction;

  /** PyTorch's defaults: no weight, no ignored class, mean. */
  public NLLLoss() {
    this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
  }

  /**
   * Every option.
   *
   * @param weight a weight per class {@code [C]}, or null
   * @param ignoreIndex a class whose targets are skipped ({@code F.DEFAULT_IGNORE_INDEX}: none)
   */
  public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
    this.weight = weight == null ? null : new Buffer(weight);
    this.ignoreIndex = ignoreIndex;
    this.reduction = LossChecks.reduction("NLLLoss", reduction);
  }

  /**
   * The loss.
   *
   * <p>Shape: as the class says.
   */
  @Override
  public Tensor forward(Tensor input, Tensor target) {
    return F.nllLoss(input, target, weight == null ? null : weight.get(), ignoreIndex, reduction);
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
    return "NLLLoss()";
  }
}

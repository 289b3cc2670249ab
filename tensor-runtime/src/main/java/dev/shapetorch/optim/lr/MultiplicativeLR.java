package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Multiplies each learning rate by a function of the epoch at every step after construction, as
 * PyTorch's {@code MultiplicativeLR}: epoch e uses {@code lr(e - 1) * factor(e)}.
 *
 * <pre>{@code
 * new MultiplicativeLR(optimizer, epoch -> 0.95);
 * }</pre>
 *
 * <p>Like PyTorch's, its {@link #state()} does not hold the functions.
 */
public final class MultiplicativeLR extends LRScheduler {

  private final IntToDoubleFunction[] factors;

  /** Multiplies every group's rate by {@code factor.applyAsDouble(epoch)} each step. */
  public MultiplicativeLR(Optimizer<?, ?> optimizer, IntToDoubleFunction factor) {
    super(optimizer);
    Arguments.requireNonNull(factor, "factor");
    this.factors = new IntToDoubleFunction[numGroups()];
    Arrays.fill(factors, factor);
    start();
  }

  /**
   * Multiplies group i's rate by {@code factors.get(i).applyAsDouble(epoch)} each step.
   *
   * @throws IllegalArgumentException if there is not one function per group
   */
  public MultiplicativeLR(Optimizer<?, ?> optimizer, List<? extends IntToDoubleFunction> factors) {
    super(optimizer);
    this.factors = LambdaLR.perGroup("MultiplicativeLR", factors, numGroups());
    start();
  }

  @Override
  protected double[] computeLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = lastEpoch() > 0 ? groupLr(i) * factors[i].applyAsDouble(lastEpoch()) : groupLr(i);
    }
    return lrs;
  }
}

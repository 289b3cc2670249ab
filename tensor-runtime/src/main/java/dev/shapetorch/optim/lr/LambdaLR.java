package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Sets each learning rate to its base rate times a function of the epoch, as PyTorch's {@code
 * LambdaLR}: epoch e uses {@code base * factor(e)}, one function for all groups or one per group.
 *
 * <pre>{@code
 * new LambdaLR(optimizer, epoch -> Math.pow(0.95, epoch));
 * }</pre>
 *
 * <p>Like PyTorch's, its {@link #state()} does not hold the functions: a resumed scheduler is
 * built with the same functions, then loads the state.
 */
public final class LambdaLR extends LRScheduler {

  private final IntToDoubleFunction[] factors;

  /** Multiplies every group's base rate by {@code factor.applyAsDouble(epoch)}. */
  public LambdaLR(Optimizer<?, ?> optimizer, IntToDoubleFunction factor) {
    super(optimizer);
    Arguments.requireNonNull(factor, "factor");
    this.factors = new IntToDoubleFunction[numGroups()];
    Arrays.fill(factors, factor);
    start();
  }

  /**
   * Multiplies group i's base rate by {@code factors.get(i).applyAsDouble(epoch)}.
   *
   * @throws IllegalArgumentException if there is not one function per group
   */
  public LambdaLR(Optimizer<?, ?> optimizer, List<? extends IntToDoubleFunction> factors) {
    super(optimizer);
    this.factors = perGroup("LambdaLR", factors, numGroups());
    start();
  }

  static IntToDoubleFunction[] perGroup(
      String op, List<? extends IntToDoubleFunction> factors, int groups) {
    Arguments.requireNonNullElements(factors, "factors");
    if (factors.size() != groups) {
      throw new IllegalArgumentException(op + ": expected " + groups
          + " factor functions (one per parameter group), got " + factors.size()
          + "; pass one function for all groups or one per group");
    }
    return factors.toArray(new IntToDoubleFunction[0]);
  }

  @Override
  protected double[] computeLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = baseLr(i) * factors[i].applyAsDouble(lastEpoch());
    }
    return lrs;
  }
}

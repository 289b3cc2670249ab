package dev.shapetorch.optim;

import dev.shapetorch.internal.Arguments;

/**
 * The hyperparameters of {@link LBFGS}, with PyTorch's defaults ({@code lr} 1, {@code max_iter}
 * 20, {@code max_eval} {@code max_iter * 5 / 4} = 25, {@code tolerance_grad} 1e-7, {@code
 * tolerance_change} 1e-9, {@code history_size} 100, no line search).
 *
 * <pre>{@code
 * LBFGSOptions o = LBFGSOptions.lr(1).withMaxIter(40).withLineSearchFn(LineSearch.STRONG_WOLFE);
 * }</pre>
 *
 * @param lr learning rate: the step length (the line search's first trial step)
 * @param maxIter the most iterations one {@link LBFGS#step(java.util.function.DoubleSupplier)}
 *     runs
 * @param maxEval the most closure evaluations one step makes (checked after each iteration)
 * @param toleranceGrad a step stops once the gradient's largest magnitude is at most this
 * @param toleranceChange a step stops once the loss, the update or the directional derivative
 *     changes by less than this
 * @param historySize how many past updates approximate the inverse Hessian
 * @param lineSearchFn the line search: {@link LineSearch#NONE} (a fixed step {@code lr}) or
 *     {@link LineSearch#STRONG_WOLFE} (PyTorch's {@code line_search_fn="strong_wolfe"})
 */
public record LBFGSOptions(
    double lr,
    int maxIter,
    int maxEval,
    double toleranceGrad,
    double toleranceChange,
    int historySize,
    LineSearch lineSearchFn) implements OptimizerOptions<LBFGSOptions> {

  /** The line searches of PyTorch's LBFGS ({@code line_search_fn}). */
  public enum LineSearch {
    /** No line search: each iteration moves by {@code lr} along the direction. */
    NONE,
    /** A line search satisfying the strong Wolfe conditions ({@code "strong_wolfe"}). */
    STRONG_WOLFE
  }

  /** PyTorch's defaults. */
  public static final LBFGSOptions DEFAULTS =
      new LBFGSOptions(1, 20, 25, 1e-7, 1e-9, 100, LineSearch.NONE);

  /**
   * Checks the values (PyTorch checks none of them).
   *
   * @throws IllegalArgumentException for a negative learning rate or tolerance, a count below 1,
   *     or a null line search
   */
  public LBFGSOptions {
    Hyper.nonNegative("LBFGS", "learning rate", lr);
    Hyper.positive("LBFGS", "max_iter", maxIter);
    Hyper.positive("LBFGS", "max_eval", maxEval);
    Hyper.nonNegative("LBFGS", "tolerance_grad", toleranceGrad);
    Hyper.nonNegative("LBFGS", "tolerance_change", toleranceChange);
    Hyper.positive("LBFGS", "history_size", historySize);
    Arguments.requireNonNull(lineSearchFn, "lineSearchFn");
  }

  /** The defaults with this learning rate. */
  public static LBFGSOptions lr(double lr) {
    return DEFAULTS.withLr(lr);
  }

  @Override
  public LBFGSOptions withLr(double newLr) {
    return new LBFGSOptions(newLr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize,
        lineSearchFn);
  }

  /**
   * A copy with another {@code maxIter} and with {@code maxEval} set to {@code newMaxIter * 5 /
   * 4}, PyTorch's value for {@code max_eval=None}; call {@link #withMaxEval} after this to choose
   * another.
   */
  public LBFGSOptions withMaxIter(int newMaxIter) {
    Hyper.positive("LBFGS", "max_iter", newMaxIter);
    return new LBFGSOptions(lr, newMaxIter, Math.max(1, (int) (newMaxIter * 5L / 4)),
        toleranceGrad, toleranceChange, historySize, lineSearchFn);
  }

  /** A copy with another {@code maxEval}. */
  public LBFGSOptions withMaxEval(int newMaxEval) {
    return new LBFGSOptions(lr, maxIter, newMaxEval, toleranceGrad, toleranceChange, historySize,
        lineSearchFn);
  }

  /** A copy with another gradient tolerance. */
  public LBFGSOptions withToleranceGrad(double newToleranceGrad) {
    return new LBFGSOptions(lr, maxIter, maxEval, newToleranceGrad, toleranceChange, historySize,
        lineSearchFn);
  }

  /** A copy with another change tolerance. */
  public LBFGSOptions withToleranceChange(double newToleranceChange) {
    return new LBFGSOptions(lr, maxIter, maxEval, toleranceGrad, newToleranceChange, historySize,
        lineSearchFn);
  }

  /** A copy with another history size. */
  public LBFGSOptions withHistorySize(int newHistorySize) {
    return new LBFGSOptions(lr, maxIter, maxEval, toleranceGrad, toleranceChange, newHistorySize,
        lineSearchFn);
  }

  /** A copy with another line search. */
  public LBFGSOptions withLineSearchFn(LineSearch newLineSearchFn) {
    return new LBFGSOptions(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize,
        newLineSearchFn);
  }
}

package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.OptimizerOptions;
import java.util.Arrays;

/**
 * Changes an optimizer's learning rates as epochs (or steps) pass: PyTorch's {@code
 * torch.optim.lr_scheduler._LRScheduler}. Call {@link #step()} after the optimizer's {@code
 * step()}, once per epoch (or per batch, for {@link OneCycleLR}).
 *
 * <pre>{@code
 * var sched = new StepLR(optimizer, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *   train(...);
 *   sched.step();
 * }
 * }</pre>
 *
 * <p>Construction counts as the first step (epoch 0), as in PyTorch: it sets each group's
 * learning rate to the schedule's first value. The base learning rates are the groups' rates at
 * construction. Schedulers compute each rate from the group's current rate (PyTorch's chainable
 * form), so that their values equal PyTorch's, rounding included.
 */
public abstract class LRScheduler {

  private final Optimizer<?, ?> optimizer;
  private final double[] baseLrs;
  private int lastEpoch = -1;
  private int stepCount;
  private double[] lastLr;

  /** A scheduler of {@code optimizer}; the subclass calls {@link #start()} when it is ready. */
  protected LRScheduler(Optimizer<?, ?> optimizer) {
    this.optimizer = Arguments.requireNonNull(optimizer, "optimizer");
    int n = optimizer.paramGroups().size();
    this.baseLrs = new double[n];
    for (int i = 0; i < n; i++) {
      baseLrs[i] = optimizer.options(i).lr();
    }
  }

  /**
   * A scheduler whose base learning rates are given (OneCycleLR derives its own).
   */
  protected LRScheduler(Optimizer<?, ?> optimizer, double[] baseLrs) {
    this.optimizer = Arguments.requireNonNull(optimizer, "optimizer");
    if (Arguments.requireNonNull(baseLrs, "baseLrs").length != optimizer.paramGroups().size()) {
      throw Arguments.invalid(null, "expected " + optimizer.paramGroups().size()
          + " base learning rates, got " + baseLrs.length);
    }
    this.baseLrs = baseLrs.clone();
  }

  /** Makes the first step (epoch 0); subclasses call it at the end of their constructor. */
  protected final void start() {
    if (stepCount != 0) {
      throw new IllegalStateException("the scheduler has already started");
    }
    step();
  }

  /**
   * The learning rate of each group for epoch {@link #lastEpoch()} (already advanced), in
   * PyTorch's chainable form: usually from {@link #groupLr(int)}.
   */
  protected abstract double[] computeLr();

  /** Advances one epoch and sets each group's learning rate. */
  public void step() {
    stepCount++;
    lastEpoch++;
    double[] lrs = computeLr();
    for (int i = 0; i < lrs.length; i++) {
      setLr(optimizer, i, lrs[i]);
    }
    lastLr = lrs.clone();
  }

  /** The learning rates the last {@link #step()} set, one per group. */
  public double[] lastLr() {
    return lastLr.clone();
  }

  /** The number of the current epoch: 0 after construction, 1 after the first step, ... */
  public int lastEpoch() {
    return lastEpoch;
  }

  /** The scheduled optimizer. */
  public Optimizer<?, ?> optimizer() {
    return optimizer;
  }

  /** The number of parameter groups. */
  protected final int numGroups() {
    return baseLrs.length;
  }

  /** The base learning rate of group {@code i}. */
  protected final double baseLr(int i) {
    return baseLrs[i];
  }

  /** The current learning rate of group {@code i}. */
  protected final double groupLr(int i) {
    return optimizer.options(i).lr();
  }

  /** How many times {@link #step()} ran, construction included. */
  protected final int stepCount() {
    return stepCount;
  }

  /**
   * The scheduler's progress, to save with a checkpoint.
   *
   * @param lastEpoch the current epoch
   * @param stepCount steps made, construction included
   * @param baseLrs the base learning rates
   * @param lastLr the rates the last step set
   */
  public record State(int lastEpoch, int stepCount, double[] baseLrs, double[] lastLr) {
    /** Copies the arrays. */
    public State {
      baseLrs = Arguments.requireNonNull(baseLrs, "baseLrs").clone();
      lastLr = Arguments.requireNonNull(lastLr, "lastLr").clone();
    }

    @Override
    public double[] baseLrs() {
      return baseLrs.clone();
    }

    @Override
    public double[] lastLr() {
      return lastLr.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s && s.lastEpoch == lastEpoch && s.stepCount == stepCount
          && Arrays.equals(s.baseLrs, baseLrs) && Arrays.equals(s.lastLr, lastLr);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * lastEpoch + stepCount) + Arrays.hashCode(lastLr);
    }

    @Override
    public String toString() {
      return "State[lastEpoch=" + lastEpoch + ", stepCount=" + stepCount + ", baseLrs="
          + Arrays.toString(baseLrs) + ", lastLr=" + Arrays.toString(lastLr) + "]";
    }
  }

  /** The progress so far, as PyTorch's {@code state_dict()}. */
  public State state() {
    return new State(lastEpoch, stepCount, baseLrs, lastLr);
  }

  /**
   * Resumes from a saved {@link #state()} (the optimizer's learning rates come from its own
   * state dict).
   *
   * @throws IllegalArgumentException if the number of groups differs
   */
  public void loadState(State state) {
    if (state.baseLrs().length != baseLrs.length) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + ".loadState: the state has " + state.baseLrs().length
              + " parameter groups, the optimizer has " + baseLrs.length);
    }
    lastEpoch = state.lastEpoch();
    stepCount = state.stepCount();
    System.arraycopy(state.baseLrs(), 0, baseLrs, 0, baseLrs.length);
    lastLr = state.lastLr();
  }

  /** Sets group {@code i}'s learning rate. */
  static <O extends OptimizerOptions<O>> void setLr(Optimizer<O, ?> optimizer, int i, double lr) {
    optimizer.updateOptions(i, o -> o.withLr(lr));
  }

  /** Sets group {@code i}'s momentum term. */
  static <O extends OptimizerOptions<O>> void setMomentum(
      Optimizer<O, ?> optimizer, int i, double value) {
    optimizer.updateOptions(i, o -> o.withMomentumTerm(value));
  }
}

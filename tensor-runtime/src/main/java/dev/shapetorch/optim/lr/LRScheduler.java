package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.optim.OptimizerOptions;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

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
 * the first scheduler's construction on the optimizer (PyTorch's {@code initial_lr}): a second
 * scheduler of the same optimizer, as in {@link ChainedScheduler} or {@link SequentialLR}, starts
 * from the same base. Schedulers compute each rate from the group's current rate (PyTorch's
 * chainable form), so that their values equal PyTorch's, rounding included.
 */
public abstract class LRScheduler {

  /** Each scheduled optimizer's learning rates when its first scheduler was built. */
  private static final Map<Optimizer<?, ?>, double[]> INITIAL_LRS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Optimizer<?, ?> optimizer;
  private final double[] baseLrs;
  private int lastEpoch = -1;
  private int stepCount;
  private double[] lastLr;

  /** A scheduler of {@code optimizer}; the subclass calls {@link #start()} when it is ready. */
  protected LRScheduler(Optimizer<?, ?> optimizer) {
    this.optimizer = Arguments.requireNonNull(optimizer, "optimizer");
    this.baseLrs = initialLrs(optimizer);
  }

  /** The optimizer's initial rates, recorded now for groups that have none (PyTorch's setdefault). */
  static double[] initialLrs(Optimizer<?, ?> optimizer) {
    synchronized (INITIAL_LRS) {
      int n = optimizer.paramGroups().size();
      double[] known = INITIAL_LRS.getOrDefault(optimizer, new double[0]);
      double[] lrs = Arrays.copyOf(known, n);
      for (int i = known.length; i < n; i++) {
        lrs[i] = optimizer.options(i).lr();
      }
      INITIAL_LRS.put(optimizer, lrs);
      return lrs.clone();
    }
  }

  /** Records the optimizer's initial rates (OneCycleLR and CyclicLR set them, as in PyTorch). */
  static void setInitialLrs(Optimizer<?, ?> optimizer, double[] lrs) {
    INITIAL_LRS.put(optimizer, lrs.clone());
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

  /**
   * The learning rate of each group for epoch {@link #lastEpoch()} computed from the base rates
   * alone (PyTorch's {@code _get_closed_form_lr}), or null if the scheduler has no closed form.
   * {@link SequentialLR} uses it to restart a scheduler at epoch 0.
   */
  protected double[] closedFormLr() {
    return null;
  }

  /** Advances one epoch and sets each group's learning rate. */
  public void step() {
    stepCount++;
    lastEpoch++;
    apply(computeLr());
  }

  /** Jumps to {@code epoch}, with the closed form where there is one (PyTorch's step(epoch)). */
  void stepTo(int epoch) {
    stepCount++;
    lastEpoch = epoch;
    double[] closed = closedFormLr();
    apply(closed != null ? closed : computeLr());
  }

  /** Steps back the epoch of the construction's step, as SequentialLR does to its schedulers. */
  void undoInitialEpoch() {
    lastEpoch--;
  }

  /** Makes the first step again from a step count of 0, as SequentialLR does. */
  void restart() {
    stepCount = 0;
    step();
  }

  /** Sets each group's learning rate to {@code lrs} and records them as {@link #lastLr()}. */
  protected final void apply(double[] lrs) {
    for (int i = 0; i < lrs.length; i++) {
      setLr(optimizer, i, lrs[i]);
    }
    lastLr = lrs.clone();
  }

  /** Sets the epoch number (for schedulers with their own step, such as warm restarts). */
  protected final void setLastEpoch(int epoch) {
    lastEpoch = epoch;
  }

  /** Records the rates that {@link #lastLr()} returns (for schedulers that wrap others). */
  protected final void setLastLr(double[] lrs) {
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
   * @param extra a scheduler's own progress (CosineAnnealingWarmRestarts: the epochs since the
   *     restart and the current period), empty for most
   * @param schedulers the states of the schedulers a {@link SequentialLR} or {@link
   *     ChainedScheduler} drives, empty for others
   */
  public record State(int lastEpoch, int stepCount, double[] baseLrs, double[] lastLr,
      double[] extra, List<State> schedulers) {
    /** Copies the arrays and the list. */
    public State {
      baseLrs = Arguments.requireNonNull(baseLrs, "baseLrs").clone();
      lastLr = Arguments.requireNonNull(lastLr, "lastLr").clone();
      extra = Arguments.requireNonNull(extra, "extra").clone();
      schedulers = List.copyOf(Arguments.requireNonNull(schedulers, "schedulers"));
    }

    /** The state of a scheduler with no progress of its own and no wrapped schedulers. */
    public State(int lastEpoch, int stepCount, double[] baseLrs, double[] lastLr) {
      this(lastEpoch, stepCount, baseLrs, lastLr, new double[0], List.of());
    }

    @Override
    public double[] extra() {
      return extra.clone();
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
          && Arrays.equals(s.baseLrs, baseLrs) && Arrays.equals(s.lastLr, lastLr)
          && Arrays.equals(s.extra, extra) && s.schedulers.equals(schedulers);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * lastEpoch + stepCount) + Arrays.hashCode(lastLr);
    }

    @Override
    public String toString() {
      return "State[lastEpoch=" + lastEpoch + ", stepCount=" + stepCount + ", baseLrs="
          + Arrays.toString(baseLrs) + ", lastLr=" + Arrays.toString(lastLr)
          + (extra.length == 0 ? "" : ", extra=" + Arrays.toString(extra))
          + (schedulers.isEmpty() ? "" : ", schedulers=" + schedulers) + "]";
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
    Arguments.requireNonNull(state, "state");
    if (state.baseLrs().length != baseLrs.length) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + ".loadState: the state has " + state.baseLrs().length
              + " parameter groups, the optimizer has " + baseLrs.length
              + "; load it into a scheduler of an optimizer with the same groups");
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

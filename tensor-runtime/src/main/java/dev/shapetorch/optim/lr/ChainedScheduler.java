package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps several schedulers of one optimizer together, as PyTorch's {@code ChainedScheduler}:
 * each {@link #step()} steps them in order, so that their effects combine (for chainable
 * schedulers, their factors multiply).
 *
 * <pre>{@code
 * var sched = new ChainedScheduler(List.of(
 *     new ConstantLR(optimizer, 0.1, 2), new ExponentialLR(optimizer, 0.9)));
 * }</pre>
 *
 * <p>Its {@link #lastEpoch()} counts its own steps (0 after construction).
 */
public final class ChainedScheduler extends LRScheduler {

  private final List<LRScheduler> schedulers;

  /**
   * Chains {@code schedulers}, which have made their first step already.
   *
   * @throws IllegalArgumentException if there are none or they drive different optimizers
   */
  public ChainedScheduler(List<? extends LRScheduler> schedulers) {
    super(first(schedulers).optimizer());
    this.schedulers = List.copyOf(schedulers);
    for (int i = 1; i < this.schedulers.size(); i++) {
      if (this.schedulers.get(i).optimizer() != optimizer()) {
        throw new IllegalArgumentException("ChainedScheduler: the schedulers at index 0 and " + i
            + " drive different optimizers; chain schedulers of one optimizer");
      }
    }
    setLastEpoch(0);
    setLastLr(currentLrs());
  }

  private static LRScheduler first(List<? extends LRScheduler> schedulers) {
    Arguments.requireNonNullElements(schedulers, "schedulers");
    if (schedulers.isEmpty()) {
      throw new IllegalArgumentException("ChainedScheduler: give at least one scheduler");
    }
    return schedulers.get(0);
  }

  private double[] currentLrs() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = groupLr(i);
    }
    return lrs;
  }

  /** The schedulers, in order. */
  public List<LRScheduler> schedulers() {
    return schedulers;
  }

  @Override
  public void step() {
    for (LRScheduler s : schedulers) {
      s.step();
    }
    setLastEpoch(lastEpoch() + 1);
    setLastLr(currentLrs());
  }

  @Override
  protected double[] computeLr() {
    throw new UnsupportedOperationException("ChainedScheduler: its schedulers compute the rates");
  }

  /** The progress, with each scheduler's state in {@code schedulers}. */
  @Override
  public State state() {
    State s = super.state();
    List<State> inner = new ArrayList<>();
    for (LRScheduler x : schedulers) {
      inner.add(x.state());
    }
    return new State(s.lastEpoch(), s.stepCount(), s.baseLrs(), s.lastLr(), new double[0], inner);
  }

  /**
   * Resumes from a saved {@link #state()}, its schedulers included.
   *
   * @throws IllegalArgumentException if the number of groups or schedulers differs
   */
  @Override
  public void loadState(State state) {
    SequentialLR.checkSchedulers("ChainedScheduler", state, schedulers.size());
    super.loadState(state);
    for (int i = 0; i < schedulers.size(); i++) {
      schedulers.get(i).loadState(state.schedulers().get(i));
    }
  }
}

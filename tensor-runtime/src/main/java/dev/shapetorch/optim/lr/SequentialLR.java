package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hands the schedule from one scheduler to the next at milestone epochs, as PyTorch's {@code
 * SequentialLR}: scheduler k runs from milestone k - 1 (epoch 0 for the first) and restarts at
 * its own epoch 0 there. Construction resets the rates to the optimizer's initial ones and
 * starts only the first scheduler.
 *
 * <pre>{@code
 * var warmup = new LinearLR(optimizer, 0.1, 1.0, 5);
 * var decay = new CosineAnnealingLR(optimizer, 95);
 * var sched = new SequentialLR(optimizer, List.of(warmup, decay), new int[] {5});
 * }</pre>
 */
public final class SequentialLR extends LRScheduler {

  private final List<LRScheduler> schedulers;
  private final int[] milestones;

  /**
   * Runs {@code schedulers} one after the other, switching at {@code milestones}.
   *
   * @throws IllegalArgumentException if a scheduler drives another optimizer, or there is not
   *     one milestone fewer than schedulers
   */
  public SequentialLR(Optimizer<?, ?> optimizer, List<? extends LRScheduler> schedulers,
      int[] milestones) {
    super(optimizer);
    this.schedulers = List.copyOf(Arguments.requireNonNullElements(schedulers, "schedulers"));
    this.milestones = Arguments.requireNonNull(milestones, "milestones").clone();
    if (this.schedulers.isEmpty()) {
      throw new IllegalArgumentException("SequentialLR: give at least one scheduler");
    }
    for (int i = 0; i < this.schedulers.size(); i++) {
      if (this.schedulers.get(i).optimizer() != optimizer) {
        throw new IllegalArgumentException("SequentialLR: the scheduler at index " + i
            + " drives another optimizer; build every scheduler on the optimizer passed in");
      }
    }
    if (milestones.length != this.schedulers.size() - 1) {
      throw new IllegalArgumentException("SequentialLR: expected one milestone fewer than"
          + " schedulers, got " + this.schedulers.size() + " schedulers and "
          + milestones.length + " milestones " + Arrays.toString(milestones));
    }
    for (int i = 0; i < numGroups(); i++) {
      setLr(optimizer, i, baseLr(i));
    }
    for (LRScheduler s : this.schedulers) {
      s.undoInitialEpoch();
    }
    this.schedulers.get(0).restart();
    setLastEpoch(0);
    setLastLr(this.schedulers.get(0).lastLr());
  }

  /** The schedulers, in order. */
  public List<LRScheduler> schedulers() {
    return schedulers;
  }

  /** The milestones. */
  public int[] milestones() {
    return milestones.clone();
  }

  @Override
  public void step() {
    setLastEpoch(lastEpoch() + 1);
    int idx = 0;
    while (idx < milestones.length && milestones[idx] <= lastEpoch()) {
      idx++;
    }
    LRScheduler scheduler = schedulers.get(idx);
    if (idx > 0 && milestones[idx - 1] == lastEpoch()) {
      scheduler.stepTo(0);
    } else {
      scheduler.step();
    }
    setLastLr(scheduler.lastLr());
  }

  @Override
  protected double[] computeLr() {
    throw new UnsupportedOperationException("SequentialLR: its schedulers compute the rates");
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
    checkSchedulers("SequentialLR", state, schedulers.size());
    super.loadState(state);
    for (int i = 0; i < schedulers.size(); i++) {
      schedulers.get(i).loadState(state.schedulers().get(i));
    }
  }

  static void checkSchedulers(String op, State state, int expected) {
    Arguments.requireNonNull(state, "state");
    if (state.schedulers().size() != expected) {
      throw new IllegalArgumentException(op + ".loadState: the state has "
          + state.schedulers().size() + " schedulers, this one drives " + expected
          + "; load a state saved by a scheduler built the same way");
    }
  }
}

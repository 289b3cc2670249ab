package dev.shapetorch.optim.lr;

import dev.shapetorch.optim.Optimizer;
import java.util.List;

/**
 * Cosine annealing with warm restarts (SGDR), as PyTorch's {@code CosineAnnealingWarmRestarts}:
 * each learning rate falls from its base value towards {@code etaMin} along half a cosine over a
 * period of {@code T_i} epochs, then restarts at the base value; the first period is {@code t0}
 * and each next one is {@code tMult} times longer:
 *
 * <pre>
 * lr = etaMin + (base - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2
 * </pre>
 *
 * where {@code T_cur} counts the epochs since the last restart. {@link #step()} advances one
 * epoch; {@link #step(double)} jumps to an epoch that may be fractional, so that the rate can
 * change within an epoch, e.g. {@code step(epoch + batch / (double) batches)} after each batch.
 *
 * <pre>{@code
 * var sched = new CosineAnnealingWarmRestarts(optimizer, 10, 2);   // periods 10, 20, 40, ...
 * }</pre>
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {

  private final int t0;
  private final int tMult;
  private final double etaMin;
  private int tI;
  private double tCur;

  /**
   * Restarts after {@code t0} epochs, then after periods {@code tMult} times longer each time,
   * annealing towards {@code etaMin}.
   *
   * @throws IllegalArgumentException if {@code t0} is not positive or {@code tMult} is below 1
   */
  public CosineAnnealingWarmRestarts(Optimizer<?, ?> optimizer, int t0, int tMult,
      double etaMin) {
    super(optimizer);
    if (t0 < 1) {
      throw new IllegalArgumentException(
          "CosineAnnealingWarmRestarts: t0 must be a positive number of epochs, got " + t0);
    }
    if (tMult < 1) {
      throw new IllegalArgumentException(
          "CosineAnnealingWarmRestarts: tMult must be at least 1, got " + tMult);
    }
    this.t0 = t0;
    this.tMult = tMult;
    this.etaMin = etaMin;
    this.tI = t0;
    this.tCur = -1;
    start();
  }

  /** Restarts every {@code t0} epochs, annealing towards 0 (PyTorch's defaults). */
  public CosineAnnealingWarmRestarts(Optimizer<?, ?> optimizer, int t0) {
    this(optimizer, t0, 1, 0);
  }

  /** The current period, {@code T_i}. */
  public int period() {
    return tI;
  }

  /** The epochs since the last restart, {@code T_cur} (fractional after {@link #step(double)}). */
  public double epochsSinceRestart() {
    return tCur;
  }

  @Override
  public void step() {
    if (lastEpoch() < 0) {
      step(0);
      return;
    }
    tCur = tCur + 1;
    if (tCur >= tI) {
      tCur = tCur - tI;
      tI = tI * tMult;
    }
    setLastEpoch(lastEpoch() + 1);
    apply(computeLr());
  }

  /**
   * Jumps to {@code epoch}, which may be fractional; {@link #lastEpoch()} becomes its floor.
   *
   * @throws IllegalArgumentException if {@code epoch} is negative or not finite
   */
  public void step(double epoch) {
    if (!(epoch >= 0) || Double.isInfinite(epoch)) {
      throw new IllegalArgumentException(
          "CosineAnnealingWarmRestarts.step: expected a non-negative epoch, got " + epoch);
    }
    if (epoch >= t0) {
      if (tMult == 1) {
        tCur = epoch % t0;
      } else {
        int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
        tCur = epoch - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1);
        tI = t0 * (int) Math.pow(tMult, n);
      }
    } else {
      tI = t0;
      tCur = epoch;
    }
    setLastEpoch((int) Math.floor(epoch));
    apply(computeLr());
  }

  @Override
  void stepTo(int epoch) {
    step((double) epoch);
  }

  @Override
  protected double[] computeLr() {
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      lrs[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }
    return lrs;
  }

  /** The progress, with {@code extra} = {T_cur, T_i}. */
  @Override
  public State state() {
    State s = super.state();
    return new State(s.lastEpoch(), s.stepCount(), s.baseLrs(), s.lastLr(),
        new double[] {tCur, tI}, List.of());
  }

  /**
   * Resumes from a saved {@link #state()}.
   *
   * @throws IllegalArgumentException if the number of groups differs or the state lacks the
   *     restart progress
   */
  @Override
  public void loadState(State state) {
    if (state != null && state.extra().length != 2) {
      throw new IllegalArgumentException("CosineAnnealingWarmRestarts.loadState: expected the"
          + " restart progress {T_cur, T_i} in the state's extra, got "
          + state.extra().length + " values; load a state this scheduler saved");
    }
    super.loadState(state);
    tCur = state.extra()[0];
    tI = (int) state.extra()[1];
  }
}

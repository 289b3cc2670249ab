package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reduces the learning rates when a metric stops improving, as PyTorch's {@code
 * ReduceLROnPlateau}: after more than {@code patience} epochs without improvement, each rate is
 * multiplied by {@code factor} (not below {@code minLr}), then {@code cooldown} epochs pass
 * before bad epochs count again. Improvement means beating the best value by the threshold
 * (relative or absolute). Call {@link #step(double)} with the metric once per epoch; {@link
 * #state()} and {@link #loadState} save and resume its progress.
 *
 * <pre>{@code
 * var plateau = new ReduceLROnPlateau(optimizer, ReduceLROnPlateau.Options.DEFAULTS.withPatience(3));
 * plateau.step(validationLoss);
 * }</pre>
 */
public final class ReduceLROnPlateau {

  /** Whether smaller or larger metric values are better. */
  public enum Mode {
    /** Smaller is better (a loss). */
    MIN,
    /** Larger is better (an accuracy). */
    MAX
  }

  /** How the threshold applies to the best value. */
  public enum ThresholdMode {
    /** Beat {@code best * (1 -/+ threshold)}. */
    REL,
    /** Beat {@code best -/+ threshold}. */
    ABS
  }

  /**
   * The settings, with PyTorch's defaults in {@link #DEFAULTS}.
   *
   * @param mode whether smaller or larger is better
   * @param factor the multiplier of a reduction, below 1
   * @param patience epochs without improvement tolerated before reducing
   * @param threshold the improvement that counts
   * @param thresholdMode relative or absolute threshold
   * @param cooldown epochs to wait after a reduction
   * @param minLr the lowest rate, one per group or one for all
   * @param eps reductions smaller than this are skipped
   */
  public record Options(
      Mode mode,
      double factor,
      int patience,
      double threshold,
      ThresholdMode thresholdMode,
      int cooldown,
      double[] minLr,
      double eps) {

    /** PyTorch's defaults: min mode, factor 0.1, patience 10, relative threshold 1e-4. */
    public static final Options DEFAULTS =
        new Options(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, new double[] {0}, 1e-8);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code factor >= 1}, a count is negative, or no minimum
     *     rate is given
     */
    public Options {
      Arguments.requireNonNull(mode, "mode");
      Arguments.requireNonNull(thresholdMode, "thresholdMode");
      minLr = Arguments.requireNonNull(minLr, "minLr").clone();
      if (!(factor < 1.0)) {
        throw new IllegalArgumentException("ReduceLROnPlateau: factor should be < 1.0, got " + factor);
      }
      if (patience < 0 || cooldown < 0) {
        throw new IllegalArgumentException(
            "ReduceLROnPlateau: patience and cooldown must be >= 0, got " + patience + " and "
                + cooldown);
      }
      if (minLr.length == 0) {
        throw new IllegalArgumentException("ReduceLROnPlateau: give a minimum learning rate");
      }
    }

    /** A copy with another mode. */
    public Options withMode(Mode m) {
      return new Options(m, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A copy with another factor. */
    public Options withFactor(double f) {
      return new Options(mode, f, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A copy with another patience. */
    public Options withPatience(int p) {
      return new Options(mode, factor, p, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A copy with another threshold and threshold mode. */
    public Options withThreshold(double t, ThresholdMode tm) {
      return new Options(mode, factor, patience, t, tm, cooldown, minLr, eps);
    }

    /** A copy with another cooldown. */
    public Options withCooldown(int c) {
      return new Options(mode, factor, patience, threshold, thresholdMode, c, minLr, eps);
    }

    /** A copy with other minimum rates (one for all groups, or one per group). */
    public Options withMinLr(double... m) {
      return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, m, eps);
    }

    /** A copy with another epsilon. */
    public Options withEps(double e) {
      return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, e);
    }

    @Override
    public double[] minLr() {
      return minLr.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Options x && mode == x.mode && factor == x.factor
          && patience == x.patience && threshold == x.threshold
          && thresholdMode == x.thresholdMode && cooldown == x.cooldown
          && Arrays.equals(minLr, x.minLr) && eps == x.eps;
    }

    @Override
    public int hashCode() {
      return Objects.hash(mode, factor, patience, threshold, thresholdMode, cooldown, eps)
          * 31 + Arrays.hashCode(minLr);
    }

    @Override
    public String toString() {
      return "ReduceLROnPlateau.Options[mode=" + mode + ", factor=" + factor + ", patience="
          + patience + ", threshold=" + threshold + " " + thresholdMode + ", cooldown=" + cooldown
          + ", minLr=" + Arrays.toString(minLr) + ", eps=" + eps + "]";
    }
  }

  /**
   * The scheduler's progress, to save with a checkpoint, as PyTorch's {@code state_dict()}
   * minus the settings (which the {@link Options} given to the constructor hold). Load it with
   * {@link #loadState}; the optimizer's learning rates come from the optimizer's own state
   * dict, as in PyTorch.
   *
   * @param best the best metric so far (infinite before the first step)
   * @param numBadEpochs epochs without improvement since the last improvement or reduction
   * @param cooldownCounter epochs of cooldown left
   * @param lastEpoch the number of steps made
   * @param lastLr the groups' learning rates after the last step (at construction: the
   *     optimizer's)
   */
  public record State(
      double best, int numBadEpochs, int cooldownCounter, int lastEpoch, double[] lastLr) {
    /** Copies the rates. */
    public State {
      lastLr = Arguments.requireNonNull(lastLr, "lastLr").clone();
    }

    @Override
    public double[] lastLr() {
      return lastLr.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s && Double.compare(s.best, best) == 0
          && s.numBadEpochs == numBadEpochs && s.cooldownCounter == cooldownCounter
          && s.lastEpoch == lastEpoch && Arrays.equals(s.lastLr, lastLr);
    }

    @Override
    public int hashCode() {
      return Objects.hash(best, numBadEpochs, cooldownCounter, lastEpoch) * 31
          + Arrays.hashCode(lastLr);
    }

    @Override
    public String toString() {
      return "ReduceLROnPlateau.State[best=" + best + ", numBadEpochs=" + numBadEpochs
          + ", cooldownCounter=" + cooldownCounter + ", lastEpoch=" + lastEpoch + ", lastLr="
          + Arrays.toString(lastLr) + "]";
    }
  }

  private final Optimizer<?, ?> optimizer;
  private final Options options;
  private final double[] minLrs;
  private double best;
  private int numBadEpochs;
  private int cooldownCounter;
  private int lastEpoch;
  private double[] lastLr;

  /**
   * Watches a metric to reduce {@code optimizer}'s rates.
   *
   * @throws IllegalArgumentException if the minimum rates are neither one nor one per group
   */
  public ReduceLROnPlateau(Optimizer<?, ?> optimizer, Options options) {
    this.optimizer = Arguments.requireNonNull(optimizer, "optimizer");
    this.options = Arguments.requireNonNull(options, "options");
    int n = optimizer.paramGroups().size();
    double[] m = options.minLr();
    if (m.length == 1) {
      minLrs = new double[n];
      Arrays.fill(minLrs, m[0]);
    } else if (m.length == n) {
      minLrs = m;
    } else {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: expected " + n + " minimum learning rates, got " + m.length);
    }
    best = options.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    lastLr = currentLrs();
  }

  /** Records this epoch's metric and reduces the rates if it has stopped improving. */
  public void step(double metric) {
    lastEpoch++;
    if (isBetter(metric, best)) {
      best = metric;
      numBadEpochs = 0;
    } else {
      numBadEpochs++;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      numBadEpochs = 0;
    }
    if (numBadEpochs > options.patience()) {
      reduce();
      cooldownCounter = options.cooldown();
      numBadEpochs = 0;
    }
    lastLr = currentLrs();
  }

  /** The progress so far, as PyTorch's {@code state_dict()} (without the settings). */
  public State state() {
    return new State(best, numBadEpochs, cooldownCounter, lastEpoch, lastLr);
  }

  /**
   * Resumes from a saved {@link #state()}: the next {@link #step(double)} continues as the
   * saved scheduler's would have. The optimizer's learning rates are not touched; load the
   * optimizer's own state dict for them, as in PyTorch.
   *
   * @throws IllegalArgumentException if the state has another number of parameter groups than
   *     the optimizer, or negative counters
   */
  public void loadState(State state) {
    Arguments.requireNonNull(state, "state");
    if (state.lastLr().length != minLrs.length) {
      throw new IllegalArgumentException("ReduceLROnPlateau.loadState: the state has "
          + state.lastLr().length + " parameter groups, the optimizer has " + minLrs.length
          + "; load it into a scheduler of an optimizer with the same groups");
    }
    if (state.numBadEpochs() < 0 || state.cooldownCounter() < 0 || state.lastEpoch() < 0) {
      throw new IllegalArgumentException("ReduceLROnPlateau.loadState: counters must be >= 0,"
          + " got " + state);
    }
    best = state.best();
    numBadEpochs = state.numBadEpochs();
    cooldownCounter = state.cooldownCounter();
    lastEpoch = state.lastEpoch();
    lastLr = state.lastLr();
  }

  private double[] currentLrs() {
    double[] out = new double[minLrs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = optimizer.options(i).lr();
    }
    return out;
  }

  private void reduce() {
    for (int i = 0; i < minLrs.length; i++) {
      double old = optimizer.options(i).lr();
      double lr = Math.max(old * options.factor(), minLrs[i]);
      if (old - lr > options.eps()) {
        LRScheduler.setLr(optimizer, i, lr);
      }
    }
  }

  private boolean isBetter(double a, double best) {
    boolean rel = options.thresholdMode() == ThresholdMode.REL;
    if (options.mode() == Mode.MIN) {
      return rel ? a < best * (1. - options.threshold()) : a < best - options.threshold();
    }
    return rel ? a > best * (options.threshold() + 1.) : a > best + options.threshold();
  }

  /**
   * The groups' learning rates after the last {@link #step(double)} (before the first: at
   * construction), as PyTorch's {@code get_last_lr()}.
   */
  public double[] lastLr() {
    return lastLr.clone();
  }

  /** The best metric so far (infinite before the first step). */
  public double best() {
    return best;
  }

  /** Epochs without improvement since the last improvement or reduction. */
  public int numBadEpochs() {
    return numBadEpochs;
  }

  /** The number of {@link #step(double)} calls. */
  public int lastEpoch() {
    return lastEpoch;
  }

  /** Epochs of cooldown left before bad epochs count again. */
  public int cooldownCounter() {
    return cooldownCounter;
  }
}

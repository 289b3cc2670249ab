package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.Arrays;

/**
 * The 1cycle policy (Smith and Topin), as PyTorch's {@code OneCycleLR}: the learning rate rises
 * from {@code maxLr / divFactor} to {@code maxLr} over the first {@code pctStart} of the steps,
 * then falls to {@code maxLr / divFactor / finalDivFactor}; the momentum (SGD's, RMSprop's, or
 * Adam's {@code beta1}) moves the opposite way between {@code maxMomentum} and {@code
 * baseMomentum}. With {@code threePhase}, the fall first returns to the initial rate
 * symmetrically, then a third phase anneals to the minimum. Call {@link #step()} after every
 * batch; stepping more than {@code totalSteps} times is an error.
 *
 * <pre>{@code
 * var sched = new OneCycleLR(optimizer,
 *     OneCycleLR.Options.maxLr(0.01).withTotalSteps(epochs * loader.numBatches()));
 * }</pre>
 */
public final class OneCycleLR extends LRScheduler {

  /** How a phase moves from its start value to its end value. */
  public enum Anneal {
    /** Half a cosine (the default). */
    COS,
    /** A straight line. */
    LINEAR
  }

  /**
   * The schedule's settings, with PyTorch's defaults ({@link #maxLr(double...)} starts from
   * them).
   *
   * @param maxLr the peak learning rate, one per group or one for all
   * @param totalSteps the number of steps in the cycle
   * @param pctStart the fraction of the steps spent increasing the rate, in [0, 1]
   * @param anneal the annealing strategy
   * @param cycleMomentum cycle the momentum inversely to the rate
   * @param baseMomentum the momentum at the peak rate
   * @param maxMomentum the momentum at the start and end
   * @param divFactor the initial rate is {@code maxLr / divFactor}
   * @param finalDivFactor the final rate is {@code initial / finalDivFactor}
   * @param threePhase use the original paper's three phases
   */
  public record Options(
      double[] maxLr,
      int totalSteps,
      double pctStart,
      Anneal anneal,
      boolean cycleMomentum,
      double baseMomentum,
      double maxMomentum,
      double divFactor,
      double finalDivFactor,
      boolean threePhase) {

    /**
     * Checks the values as PyTorch does.
     *
     * @throws IllegalArgumentException for no peak rate, non-positive total steps or a
     *     {@code pctStart} outside [0, 1]
     */
    public Options {
      maxLr = Arguments.requireNonNull(maxLr, "maxLr").clone();
      if (maxLr.length == 0) {
        throw new IllegalArgumentException("OneCycleLR: give a peak learning rate");
      }
      if (totalSteps < 1) {
        throw new IllegalArgumentException(
            "OneCycleLR: expected a positive number of total steps, got " + totalSteps);
      }
      if (!(pctStart >= 0 && pctStart <= 1)) {
        throw new IllegalArgumentException(
            "OneCycleLR: expected pctStart between 0 and 1, got " + pctStart);
      }
      if (anneal == null) {
        throw new IllegalArgumentException("OneCycleLR: give an annealing strategy");
      }
    }

    /**
     * PyTorch's defaults (30% warm-up, cosine, momentum 0.85-0.95, divFactor 25, finalDivFactor
     * 1e4, two phases) with these peak rates; set {@link #withTotalSteps} or {@link
     * #withEpochs} before use (until then total steps is 1).
     */
    public static Options maxLr(double... maxLr) {
      return new Options(maxLr, 1, 0.3, Anneal.COS, true, 0.85, 0.95, 25, 1e4, false);
    }

    /** A copy with another number of total steps. */
    public Options withTotalSteps(int n) {
      return new Options(maxLr, n, pctStart, anneal, cycleMomentum, baseMomentum, maxMomentum,
          divFactor, finalDivFactor, threePhase);
    }

    /** A copy with {@code epochs * stepsPerEpoch} total steps. */
    public Options withEpochs(int epochs, int stepsPerEpoch) {
      if (epochs < 1 || stepsPerEpoch < 1) {
        throw new IllegalArgumentException(
            "OneCycleLR: expected positive epochs and steps per epoch, got " + epochs + " and "
                + stepsPerEpoch);
      }
      if ((long) epochs * stepsPerEpoch > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("OneCycleLR: " + epochs + " epochs of "
            + stepsPerEpoch + " steps make more than " + Integer.MAX_VALUE + " total steps");
      }
      return withTotalSteps(epochs * stepsPerEpoch);
    }

    /** A copy with another warm-up fraction. */
    public Options withPctStart(double p) {
      return new Options(maxLr, totalSteps, p, anneal, cycleMomentum, baseMomentum, maxMomentum,
          divFactor, finalDivFactor, threePhase);
    }

    /** A copy with another annealing strategy. */
    public Options withAnneal(Anneal a) {
      return new Options(maxLr, totalSteps, pctStart, a, cycleMomentum, baseMomentum,
          maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** A copy that does or does not cycle the momentum. */
    public Options withCycleMomentum(boolean c) {
      return new Options(maxLr, totalSteps, pctStart, anneal, c, baseMomentum, maxMomentum,
          divFactor, finalDivFactor, threePhase);
    }

    /** A copy with other momentum bounds. */
    public Options withMomentum(double base, double max) {
      return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, base, max,
          divFactor, finalDivFactor, threePhase);
    }

    /** A copy with other division factors. */
    public Options withDivFactors(double div, double finalDiv) {
      return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum,
          maxMomentum, div, finalDiv, threePhase);
    }

    /** A copy with or without the third phase. */
    public Options withThreePhase(boolean t) {
      return new Options(maxLr, totalSteps, pctStart, anneal, cycleMomentum, baseMomentum,
          maxMomentum, divFactor, finalDivFactor, t);
    }

    @Override
    public double[] maxLr() {
      return maxLr.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Options x && Arrays.equals(maxLr, x.maxLr) && totalSteps == x.totalSteps
          && pctStart == x.pctStart && anneal == x.anneal && cycleMomentum == x.cycleMomentum
          && baseMomentum == x.baseMomentum && maxMomentum == x.maxMomentum
          && divFactor == x.divFactor && finalDivFactor == x.finalDivFactor
          && threePhase == x.threePhase;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(maxLr) * 31 + totalSteps;
    }

    @Override
    public String toString() {
      return "OneCycleLR.Options[maxLr=" + Arrays.toString(maxLr) + ", totalSteps=" + totalSteps
          + ", pctStart=" + pctStart + ", anneal=" + anneal + ", cycleMomentum=" + cycleMomentum
          + ", momentum=" + baseMomentum + ".." + maxMomentum + ", divFactor=" + divFactor
          + ", finalDivFactor=" + finalDivFactor + ", threePhase=" + threePhase + "]";
    }
  }

  /** One phase: where it ends and which values it moves between (0 initial, 1 max, 2 min). */
  private record Phase(double endStep, int startLr, int endLr, boolean momentumUp,
      boolean momentumFlat) {}

  private final Options options;
  private final Phase[] phases;
  private final double[][] lrPoints;
  private final double[] baseMomentum;
  private final double[] maxMomentum;

  /**
   * A 1cycle schedule of {@code optimizer}. Sets each group's momentum term to {@code
   * maxMomentum} (when cycling it) and its rate to {@code maxLr / divFactor}.
   *
   * @throws IllegalArgumentException if the number of peak rates is neither 1 nor the number of
   *     groups, or momentum cycling is asked of an optimizer without momentum
   */
  public OneCycleLR(Optimizer<?, ?> optimizer, Options options) {
    super(optimizer, initialLrs(optimizer, options));
    this.options = options;
    int n = numGroups();
    double[] max = perGroup(options.maxLr(), n);
    lrPoints = new double[n][3];
    for (int i = 0; i < n; i++) {
      lrPoints[i][0] = max[i] / options.divFactor();
      lrPoints[i][1] = max[i];
      lrPoints[i][2] = lrPoints[i][0] / options.finalDivFactor();
    }
    double total = options.totalSteps();
    double pct = options.pctStart();
    if (options.threePhase()) {
      phases = new Phase[] {
        new Phase(pct * total - 1, 0, 1, false, false),
        new Phase(2 * pct * total - 2, 1, 0, true, false),
        new Phase(total - 1, 0, 2, true, true)
      };
    } else {
      phases = new Phase[] {
        new Phase(pct * total - 1, 0, 1, false, false),
        new Phase(total - 1, 1, 2, true, false)
      };
    }
    baseMomentum = new double[n];
    maxMomentum = new double[n];
    if (options.cycleMomentum()) {
      for (int i = 0; i < n; i++) {
        if (!optimizer.options(i).hasMomentumTerm()) {
          throw new IllegalArgumentException(
              "OneCycleLR: " + optimizer.name() + " has no momentum to cycle; pass"
                  + " withCycleMomentum(false)");
        }
        baseMomentum[i] = options.baseMomentum();
        maxMomentum[i] = options.maxMomentum();
        setMomentum(optimizer, i, maxMomentum[i]);
      }
    }
    start();
  }

  private static double[] initialLrs(Optimizer<?, ?> optimizer, Options options) {
    Arguments.requireNonNull(optimizer, "optimizer");
    Arguments.requireNonNull(options, "options");
    int n = optimizer.paramGroups().size();
    double[] max = perGroup(options.maxLr(), n);
    double[] initial = new double[n];
    for (int i = 0; i < n; i++) {
      initial[i] = max[i] / options.divFactor();
    }
    setInitialLrs(optimizer, initial);
    return initial;
  }

  private static double[] perGroup(double[] values, int groups) {
    if (values.length == groups) {
      return values;
    }
    if (values.length == 1) {
      double[] out = new double[groups];
      Arrays.fill(out, values[0]);
      return out;
    }
    throw new IllegalArgumentException(
        "OneCycleLR: expected " + groups + " values for maxLr, got " + values.length);
  }

  /** The settings. */
  public Options options() {
    return options;
  }

  @Override
  protected double[] computeLr() {
    int stepNum = lastEpoch();
    if (stepNum > options.totalSteps()) {
      throw new IllegalStateException(
          "OneCycleLR: tried to step " + (stepNum + 1) + " times; the specified number of total"
              + " steps is " + options.totalSteps());
    }
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      double startStep = 0;
      for (int k = 0; k < phases.length; k++) {
        Phase phase = phases[k];
        if (stepNum <= phase.endStep() || k == phases.length - 1) {
          double pct = (stepNum - startStep) / (phase.endStep() - startStep);
          lrs[i] = anneal(lrPoints[i][phase.startLr()], lrPoints[i][phase.endLr()], pct);
          if (options.cycleMomentum()) {
            double from = phase.momentumUp() ? baseMomentum[i] : maxMomentum[i];
            double to = phase.momentumUp() ? maxMomentum[i] : baseMomentum[i];
            if (phase.momentumFlat()) {
              from = maxMomentum[i];
              to = maxMomentum[i];
            }
            setMomentum(optimizer(), i, anneal(from, to, pct));
          }
          break;
        }
        startStep = phase.endStep();
      }
    }
    return lrs;
  }

  private double anneal(double start, double end, double pct) {
    if (options.anneal() == Anneal.COS) {
      double cosOut = Math.cos(Math.PI * pct) + 1;
      return end + (start - end) / 2.0 * cosOut;
    }
    return (end - start) * pct + start;
  }
}

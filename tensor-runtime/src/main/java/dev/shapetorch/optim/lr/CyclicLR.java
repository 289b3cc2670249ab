package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Cyclical learning rates (Smith), as PyTorch's {@code CyclicLR}: each rate climbs linearly from
 * {@code baseLr} to {@code maxLr} over {@code stepSizeUp} steps and falls back over {@code
 * stepSizeDown}, again and again; the height of each cycle is scaled by the mode's function
 * ({@code triangular}: constant, {@code triangular2}: halved each cycle, {@code exp_range}:
 * {@code gamma^step}) or a function of your own. With {@code cycleMomentum} the momentum (SGD's
 * and RMSprop's {@code momentum}, Adam's and AdamW's {@code beta1}) moves the opposite way,
 * between {@code maxMomentum} and {@code baseMomentum}. Call {@link #step()} after every batch.
 *
 * <pre>{@code
 * var sched = new CyclicLR(optimizer, CyclicLR.Options.between(0.001, 0.01)
 *     .withStepSizes(500, null).withMode(CyclicLR.Mode.TRIANGULAR2));
 * }</pre>
 *
 * <p>PyTorch 1.13 cycles only an optimizer's {@code momentum}, and refuses Adam; as its
 * OneCycleLR (and later PyTorch's CyclicLR), this one cycles Adam's {@code beta1}.
 */
public final class CyclicLR extends LRScheduler {

  /** The built-in scale of each cycle's height. */
  public enum Mode {
    /** Every cycle has the full height (PyTorch's default). */
    TRIANGULAR,
    /** Each cycle has half the height of the one before: {@code 1 / 2^(cycle - 1)}. */
    TRIANGULAR2,
    /** The height shrinks by {@code gamma^step}, step counted in iterations. */
    EXP_RANGE
  }

  /** What a custom scale function is given. */
  public enum ScaleMode {
    /** The cycle number, from 1 (PyTorch's default). */
    CYCLE,
    /** The step number, from 0. */
    ITERATIONS
  }

  /**
   * The schedule's settings, with PyTorch's defaults ({@link #between(double, double)} starts
   * from them).
   *
   * @param baseLr the lowest learning rate, one per group or one for all
   * @param maxLr the highest learning rate, one per group or one for all
   * @param stepSizeUp the steps from the lowest to the highest rate
   * @param stepSizeDown the steps back down, or null for {@code stepSizeUp}
   * @param mode the built-in scale function (ignored with {@code scaleFn})
   * @param gamma the base of {@link Mode#EXP_RANGE}'s scale
   * @param scaleFn a custom scale function, or null for the mode's
   * @param scaleMode what {@code scaleFn} is given (the built-in modes choose their own)
   * @param cycleMomentum cycle the momentum inversely to the rate
   * @param baseMomentum the momentum at the highest rate, one per group or one for all
   * @param maxMomentum the momentum at the lowest rate, one per group or one for all
   */
  public record Options(
      double[] baseLr,
      double[] maxLr,
      int stepSizeUp,
      Integer stepSizeDown,
      Mode mode,
      double gamma,
      DoubleUnaryOperator scaleFn,
      ScaleMode scaleMode,
      boolean cycleMomentum,
      double[] baseMomentum,
      double[] maxMomentum) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for missing rates, a non-positive {@code stepSizeUp} or a
     *     negative {@code stepSizeDown}
     */
    public Options {
      baseLr = nonEmpty("baseLr", baseLr);
      maxLr = nonEmpty("maxLr", maxLr);
      baseMomentum = nonEmpty("baseMomentum", baseMomentum);
      maxMomentum = nonEmpty("maxMomentum", maxMomentum);
      if (stepSizeUp < 1) {
        throw new IllegalArgumentException(
            "CyclicLR: stepSizeUp must be a positive number of steps, got " + stepSizeUp);
      }
      if (stepSizeDown != null && stepSizeDown < 0) {
        throw new IllegalArgumentException("CyclicLR: stepSizeDown must be >= 0 (or null for"
            + " stepSizeUp), got " + stepSizeDown);
      }
      Arguments.requireNonNull(mode, "mode");
      Arguments.requireNonNull(scaleMode, "scaleMode");
    }

    private static double[] nonEmpty(String name, double[] values) {
      if (Arguments.requireNonNull(values, name).length == 0) {
        throw new IllegalArgumentException("CyclicLR: give at least one value for " + name);
      }
      return values.clone();
    }

    /**
     * PyTorch's defaults (2000 steps up and as many down, triangular, momentum cycled between
     * 0.8 and 0.9) between these rates for every group.
     */
    public static Options between(double baseLr, double maxLr) {
      return between(new double[] {baseLr}, new double[] {maxLr});
    }

    /** PyTorch's defaults between these rates, one per group (or one for all). */
    public static Options between(double[] baseLr, double[] maxLr) {
      return new Options(baseLr, maxLr, 2000, null, Mode.TRIANGULAR, 1.0, null, ScaleMode.CYCLE,
          true, new double[] {0.8}, new double[] {0.9});
    }

    /** A copy with other step sizes ({@code down} null: as many as {@code up}). */
    public Options withStepSizes(int up, Integer down) {
      return new Options(baseLr, maxLr, up, down, mode, gamma, scaleFn, scaleMode,
          cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy with another built-in mode. */
    public Options withMode(Mode m) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, m, gamma, scaleFn, scaleMode,
          cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy with another {@code gamma} (for {@link Mode#EXP_RANGE}). */
    public Options withGamma(double g) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, g, scaleFn, scaleMode,
          cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy with a custom scale function of the cycle number or the step number. */
    public Options withScaleFn(DoubleUnaryOperator scaleFn, ScaleMode scaleMode) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma,
          Arguments.requireNonNull(scaleFn, "scaleFn"), scaleMode, cycleMomentum, baseMomentum,
          maxMomentum);
    }

    /** A copy that does or does not cycle the momentum. */
    public Options withCycleMomentum(boolean c) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, scaleFn,
          scaleMode, c, baseMomentum, maxMomentum);
    }

    /** A copy with other momentum bounds, one per group or one for all. */
    public Options withMomentum(double[] baseMomentum, double[] maxMomentum) {
      return new Options(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, scaleFn,
          scaleMode, cycleMomentum, baseMomentum, maxMomentum);
    }

    /** A copy with other momentum bounds for every group. */
    public Options withMomentum(double base, double max) {
      return withMomentum(new double[] {base}, new double[] {max});
    }

    @Override
    public double[] baseLr() {
      return baseLr.clone();
    }

    @Override
    public double[] maxLr() {
      return maxLr.clone();
    }

    @Override
    public double[] baseMomentum() {
      return baseMomentum.clone();
    }

    @Override
    public double[] maxMomentum() {
      return maxMomentum.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Options x && Arrays.equals(baseLr, x.baseLr)
          && Arrays.equals(maxLr, x.maxLr) && stepSizeUp == x.stepSizeUp
          && java.util.Objects.equals(stepSizeDown, x.stepSizeDown) && mode == x.mode
          && gamma == x.gamma && java.util.Objects.equals(scaleFn, x.scaleFn)
          && scaleMode == x.scaleMode && cycleMomentum == x.cycleMomentum
          && Arrays.equals(baseMomentum, x.baseMomentum)
          && Arrays.equals(maxMomentum, x.maxMomentum);
    }

    @Override
    public int hashCode() {
      return (Arrays.hashCode(baseLr) * 31 + Arrays.hashCode(maxLr)) * 31 + stepSizeUp;
    }

    @Override
    public String toString() {
      return "CyclicLR.Options[baseLr=" + Arrays.toString(baseLr) + ", maxLr="
          + Arrays.toString(maxLr) + ", stepSizeUp=" + stepSizeUp + ", stepSizeDown="
          + stepSizeDown + ", mode=" + mode + ", gamma=" + gamma
          + (scaleFn == null ? "" : ", scaleFn=" + scaleFn + ", scaleMode=" + scaleMode)
          + ", cycleMomentum=" + cycleMomentum + ", momentum="
          + Arrays.toString(baseMomentum) + ".." + Arrays.toString(maxMomentum) + "]";
    }
  }

  private final Options options;
  private final double[] maxLrs;
  private final double totalSize;
  private final double stepRatio;
  private final ScaleMode scaleMode;
  private final double[] baseMomentums;
  private final double[] maxMomentums;

  /**
   * A cyclical schedule of {@code optimizer}: sets each group's rate to its {@code baseLr} and,
   * when cycling the momentum, its momentum to {@code baseMomentum}.
   *
   * @throws IllegalArgumentException if a per-group value has neither 1 nor one value per
   *     group, or momentum cycling is asked of an optimizer without momentum
   */
  public CyclicLR(Optimizer<?, ?> optimizer, Options options) {
    super(optimizer, startLrs(optimizer, options));
    this.options = options;
    int n = numGroups();
    this.maxLrs = perGroup("maxLr", options.maxLr(), n);
    double up = options.stepSizeUp();
    double down = options.stepSizeDown() == null ? up : options.stepSizeDown();
    this.totalSize = up + down;
    this.stepRatio = up / totalSize;
    if (options.scaleFn() != null) {
      this.scaleMode = options.scaleMode();
    } else {
      this.scaleMode = options.mode() == Mode.EXP_RANGE ? ScaleMode.ITERATIONS : ScaleMode.CYCLE;
    }
    if (options.cycleMomentum()) {
      double[] base = perGroup("baseMomentum", options.baseMomentum(), n);
      for (int i = 0; i < n; i++) {
        if (!optimizer.options(i).hasMomentumTerm()) {
          throw new IllegalArgumentException("CyclicLR: " + optimizer.name()
              + " has no momentum to cycle; pass withCycleMomentum(false)");
        }
        setMomentum(optimizer, i, base[i]);
      }
      this.baseMomentums = base;
      this.maxMomentums = perGroup("maxMomentum", options.maxMomentum(), n);
    } else {
      this.baseMomentums = null;
      this.maxMomentums = null;
    }
    start();
  }

  private static double[] startLrs(Optimizer<?, ?> optimizer, Options options) {
    Arguments.requireNonNull(optimizer, "optimizer");
    Arguments.requireNonNull(options, "options");
    double[] base = perGroup("baseLr", options.baseLr(), optimizer.paramGroups().size());
    for (int i = 0; i < base.length; i++) {
      setLr(optimizer, i, base[i]);
    }
    initialLrs(optimizer);
    return base;
  }

  private static double[] perGroup(String name, double[] values, int groups) {
    if (values.length == groups) {
      return values;
    }
    if (values.length == 1) {
      double[] out = new double[groups];
      Arrays.fill(out, values[0]);
      return out;
    }
    throw new IllegalArgumentException("CyclicLR: expected " + groups + " values for " + name
        + " (one per parameter group) or one for all, got " + values.length);
  }

  /** The settings. */
  public Options options() {
    return options;
  }

  private double scale(double x) {
    if (options.scaleFn() != null) {
      return options.scaleFn().applyAsDouble(x);
    }
    switch (options.mode()) {
      case TRIANGULAR2:
        return 1 / Math.pow(2., x - 1);
      case EXP_RANGE:
        return Math.pow(options.gamma(), x);
      default:
        return 1.;
    }
  }

  @Override
  protected double[] computeLr() {
    int e = lastEpoch();
    double cycle = Math.floor(1 + e / totalSize);
    double x = 1. + e / totalSize - cycle;
    double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    double s = scale(scaleMode == ScaleMode.CYCLE ? cycle : e);
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      double baseHeight = (maxLrs[i] - baseLr(i)) * scaleFactor;
      lrs[i] = baseLr(i) + baseHeight * s;
    }
    if (baseMomentums != null) {
      for (int i = 0; i < lrs.length; i++) {
        double baseHeight = (maxMomentums[i] - baseMomentums[i]) * scaleFactor;
        setMomentum(optimizer(), i, maxMomentums[i] - baseHeight * s);
      }
    }
    return lrs;
  }
}

package dev.shapetorch.optim.lr;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.optim.Optimizer;
import java.util.Arrays;

/**
 * Anneals each learning rate to a fixed {@code swaLr} over {@code annealEpochs} epochs and keeps
 * it there, as PyTorch's {@code torch.optim.swa_utils.SWALR}: the schedule of the stochastic
 * weight averaging phase (see {@code dev.shapetorch.optim.swa.AveragedModel}). Each step mixes
 * the rate the group would have had without annealing with {@code swaLr}, the share of {@code
 * swaLr} growing along half a cosine (or a line) from 0 to 1.
 *
 * <pre>{@code
 * var swaScheduler = new SWALR(optimizer, 0.05);   // from the current rate to 0.05 in 10 epochs
 * }</pre>
 */
public final class SWALR extends LRScheduler {

  /** How the share of {@code swaLr} grows over the annealing epochs. */
  public enum Anneal {
    /** Half a cosine, {@code (1 - cos(pi t)) / 2} (the default). */
    COS,
    /** A straight line, {@code t}. */
    LINEAR
  }

  private final double[] swaLrs;
  private final int annealEpochs;
  private final Anneal anneal;

  /**
   * Anneals to {@code swaLr} (one per group, or one for all) over {@code annealEpochs} epochs.
   *
   * @throws IllegalArgumentException if {@code annealEpochs} is negative or there is neither one
   *     {@code swaLr} nor one per group
   */
  public SWALR(Optimizer<?, ?> optimizer, double[] swaLr, int annealEpochs, Anneal anneal) {
    super(optimizer);
    Arguments.requireNonNull(swaLr, "swaLr");
    if (swaLr.length == 1) {
      swaLrs = new double[numGroups()];
      Arrays.fill(swaLrs, swaLr[0]);
    } else if (swaLr.length == numGroups()) {
      swaLrs = swaLr.clone();
    } else {
      throw new IllegalArgumentException("SWALR: expected one swaLr or one per parameter group ("
          + numGroups() + "), got " + swaLr.length);
    }
    if (annealEpochs < 0) {
      throw new IllegalArgumentException(
          "SWALR: annealEpochs must be >= 0, got " + annealEpochs);
    }
    this.annealEpochs = annealEpochs;
    this.anneal = Arguments.requireNonNull(anneal, "anneal");
    start();
  }

  /** Anneals every group to {@code swaLr} over {@code annealEpochs} epochs. */
  public SWALR(Optimizer<?, ?> optimizer, double swaLr, int annealEpochs, Anneal anneal) {
    this(optimizer, new double[] {swaLr}, annealEpochs, anneal);
  }

  /** PyTorch's defaults: anneals to {@code swaLr} along a cosine over 10 epochs. */
  public SWALR(Optimizer<?, ?> optimizer, double swaLr) {
    this(optimizer, swaLr, 10, Anneal.COS);
  }

  /** The rate each group anneals to. */
  public double[] swaLr() {
    return swaLrs.clone();
  }

  private double share(double t) {
    return anneal == Anneal.COS ? (1 - Math.cos(Math.PI * t)) / 2 : t;
  }

  @Override
  protected double[] computeLr() {
    int step = stepCount() - 1;
    if (annealEpochs == 0) {
      step = Math.max(1, step);
    }
    double prevAlpha = share(Math.max(0, Math.min(1, (step - 1) / (double) Math.max(1,
        annealEpochs))));
    double alpha = share(Math.max(0, Math.min(1, step / (double) Math.max(1, annealEpochs))));
    double[] lrs = new double[numGroups()];
    for (int i = 0; i < lrs.length; i++) {
      double prev = prevAlpha == 1 ? swaLrs[i]
          : (groupLr(i) - prevAlpha * swaLrs[i]) / (1 - prevAlpha);
      lrs[i] = swaLrs[i] * alpha + prev * (1 - alpha);
    }
    return lrs;
  }
}

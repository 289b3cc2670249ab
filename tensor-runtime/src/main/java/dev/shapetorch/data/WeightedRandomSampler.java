package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Indices {@code 0..weights.length-1} drawn with probabilities proportional to the weights:
 * PyTorch's {@code WeightedRandomSampler}, the usual answer to an unbalanced dataset (weight each
 * example by one over its class's frequency).
 *
 * <pre>{@code
 * double[] w = new double[labels.length];
 * for (int i = 0; i < w.length; i++) w[i] = 1.0 / classCount[labels[i]];
 * var sampler = new WeightedRandomSampler(w, w.length);   // with replacement, as PyTorch
 * var loader = DataLoader.of(train, LoaderOptions.batchSize(64).withSampler(sampler));
 * }</pre>
 *
 * <p>With replacement (the default) each draw is independent. Without replacement each draw
 * picks among the indices not drawn yet, with probabilities proportional to their weights (as
 * {@code torch.multinomial}), so at most as many samples as there are positive weights can be
 * drawn. The weights need not sum to one. The draws depend only on the seed and the epoch; they
 * are not PyTorch's for the same seed.
 */
public final class WeightedRandomSampler implements Sampler {

  private final double[] weights;
  private final int numSamples;
  private final boolean replacement;
  private final long seed;
  /** Running sums of the weights, for drawing with replacement. */
  private final double[] cumulative;

  /**
   * {@code numSamples} draws with replacement, seed 0 (PyTorch's default {@code
   * replacement=True}).
   *
   * @throws IllegalArgumentException as {@link #WeightedRandomSampler(double[], int, boolean,
   *     long)}
   */
  public WeightedRandomSampler(double[] weights, int numSamples) {
    this(weights, numSamples, true, 0);
  }

  /**
   * A sampler of {@code numSamples} indices per epoch.
   *
   * @param weights one non-negative, finite weight per index (copied), not all zero
   * @param numSamples indices per epoch ({@code num_samples}), at least 1
   * @param replacement draw each index independently ({@code replacement})
   * @param seed the seed of the draws
   * @throws IllegalArgumentException for an empty weight list, a negative, NaN or infinite
   *     weight, weights that are all zero, {@code numSamples < 1}, or, without replacement, more
   *     samples than positive weights
   */
  public WeightedRandomSampler(double[] weights, int numSamples, boolean replacement, long seed) {
    this.weights = Arguments.requireNonNull(weights, "weights").clone();
    if (this.weights.length == 0) {
      throw new IllegalArgumentException(
          "WeightedRandomSampler: weights is empty; pass one weight per dataset index");
    }
    if (numSamples < 1) {
      throw new IllegalArgumentException("WeightedRandomSampler: numSamples must be a positive"
          + " integer, got " + numSamples);
    }
    int positive = 0;
    cumulative = new double[this.weights.length];
    double total = 0;
    for (int i = 0; i < this.weights.length; i++) {
      double w = this.weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("WeightedRandomSampler: weight " + i + " is " + w
            + "; every weight must be finite and >= 0");
      }
      if (w > 0) {
        positive++;
      }
      total += w;
      cumulative[i] = total;
    }
    if (positive == 0) {
      throw new IllegalArgumentException("WeightedRandomSampler: all " + this.weights.length
          + " weights are zero; give at least one index a positive weight");
    }
    if (!replacement && numSamples > positive) {
      throw new IllegalArgumentException("WeightedRandomSampler: cannot draw " + numSamples
          + " samples without replacement from " + positive + " indices of positive weight;"
          + " draw at most " + positive + " or draw with replacement");
    }
    this.numSamples = numSamples;
    this.replacement = replacement;
    this.seed = seed;
  }

  /** The weights (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** Whether indices are drawn independently. */
  public boolean replacement() {
    return replacement;
  }

  /** The seed of the draws. */
  public long seed() {
    return seed;
  }

  /** The number of indices per epoch ({@code num_samples}). */
  @Override
  public int size() {
    return numSamples;
  }

  @Override
  public int[] indices(int epoch) {
    Samplers.checkEpoch("WeightedRandomSampler", epoch);
    SplittableRandom random = Samplers.random(seed, epoch);
    return replacement ? withReplacement(random) : withoutReplacement(random);
  }

  private int[] withReplacement(SplittableRandom random) {
    double total = cumulative[cumulative.length - 1];
    int[] out = new int[numSamples];
    for (int k = 0; k < numSamples; k++) {
      // Below total even where the product rounds up to it.
      double u = Math.min(random.nextDouble() * total, Math.nextDown(total));
      // The first index whose running sum exceeds u: never one of weight zero.
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > u) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      out[k] = lo;
    }
    return out;
  }

  /**
   * Successive draws without replacement, by Efraimidis and Spirakis's keys: index {@code i}
   * gets the key {@code log(u_i) / w_i}; the indices in decreasing key order are distributed as
   * successive weighted draws.
   */
  private int[] withoutReplacement(SplittableRandom random) {
    int n = weights.length;
    Integer[] order = new Integer[n];
    double[] keys = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      double u = 1.0 - random.nextDouble(); // in (0, 1]
      keys[i] = weights[i] > 0 ? Math.log(u) / weights[i] : Double.NEGATIVE_INFINITY;
    }
    Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
    int[] out = new int[numSamples];
    for (int k = 0; k < numSamples; k++) {
      out[k] = order[k];
    }
    return out;
  }

  @Override
  public String toString() {
    return "WeightedRandomSampler(" + weights.length + " weights, numSamples=" + numSamples
        + ", replacement=" + replacement + ", seed=" + seed + ")";
  }
}

package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.SplittableRandom;

/**
 * Random indices of a dataset: PyTorch's {@code RandomSampler}. Without replacement (the
 * default) each epoch is a random permutation of the indices; asked for more samples than the
 * dataset has, it gives whole permutations one after another and then the start of one more, as
 * PyTorch does. With replacement each index is drawn uniformly and independently.
 *
 * <pre>{@code
 * var sampler = new RandomSampler(train);                                  // a permutation
 * var more = new RandomSampler(train).withReplacement(true).withNumSamples(100_000);
 * var loader = DataLoader.of(train, LoaderOptions.batchSize(64).withSampler(sampler));
 * }</pre>
 *
 * <p>The draws depend only on the seed and the epoch the loader passes (PyTorch draws a new seed
 * from its global generator instead), so a run repeats exactly. The order is not PyTorch's for
 * the same seed: another random generator.
 */
public final class RandomSampler implements Sampler {

  private final int datasetSize;
  private final boolean replacement;
  private final int numSamples;
  private final long seed;

  /**
   * A permutation of {@code dataset}'s indices every epoch, seed 0 (PyTorch's defaults:
   * {@code replacement=False}, {@code num_samples=len(dataset)}).
   *
   * @throws IllegalArgumentException for an empty dataset, as in PyTorch
   */
  public RandomSampler(Dataset<?> dataset) {
    this(Arguments.requireNonNull(dataset, "dataset").size(), false,
        dataset.size(), 0);
  }

  /**
   * A sampler of a dataset of {@code datasetSize} examples.
   *
   * @param datasetSize the number of examples, at least 1
   * @param replacement draw each index independently ({@code replacement}); false gives
   *     permutations
   * @param numSamples indices per epoch ({@code num_samples}), at least 1
   * @param seed the seed of the draws
   * @throws IllegalArgumentException for a size or a number of samples below 1
   */
  public RandomSampler(int datasetSize, boolean replacement, int numSamples, long seed) {
    if (datasetSize < 1) {
      throw new IllegalArgumentException("RandomSampler: the dataset must have at least one"
          + " example, got " + datasetSize + "; there is nothing to sample");
    }
    if (numSamples < 1) {
      throw new IllegalArgumentException("RandomSampler: numSamples must be a positive integer,"
          + " got " + numSamples);
    }
    this.datasetSize = datasetSize;
    this.replacement = replacement;
    this.numSamples = numSamples;
    this.seed = seed;
  }

  /** A copy that draws with or without replacement. */
  public RandomSampler withReplacement(boolean newReplacement) {
    return new RandomSampler(datasetSize, newReplacement, numSamples, seed);
  }

  /**
   * A copy that gives {@code newNumSamples} indices per epoch.
   *
   * @throws IllegalArgumentException if {@code newNumSamples < 1}
   */
  public RandomSampler withNumSamples(int newNumSamples) {
    return new RandomSampler(datasetSize, replacement, newNumSamples, seed);
  }

  /** A copy with another seed. */
  public RandomSampler withSeed(long newSeed) {
    return new RandomSampler(datasetSize, replacement, numSamples, newSeed);
  }

  /** Whether indices are drawn independently. */
  public boolean replacement() {
    return replacement;
  }

  /** The seed of the draws. */
  public long seed() {
    return seed;
  }

  /** The number of examples of the dataset. */
  public int datasetSize() {
    return datasetSize;
  }

  /** The number of indices per epoch ({@code num_samples}). */
  @Override
  public int size() {
    return numSamples;
  }

  @Override
  public int[] indices(int epoch) {
    Samplers.checkEpoch("RandomSampler", epoch);
    SplittableRandom random = Samplers.random(seed, epoch);
    int[] out = new int[numSamples];
    if (replacement) {
      for (int i = 0; i < numSamples; i++) {
        out[i] = random.nextInt(datasetSize);
      }
      return out;
    }
    for (int filled = 0; filled < numSamples; filled += datasetSize) {
      int[] perm = Datasets.permutation(datasetSize, random);
      System.arraycopy(perm, 0, out, filled, Math.min(datasetSize, numSamples - filled));
    }
    return out;
  }

  @Override
  public String toString() {
    return "RandomSampler(datasetSize=" + datasetSize + ", replacement=" + replacement
        + ", numSamples=" + numSamples + ", seed=" + seed + ")";
  }
}

package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.Arrays;

/**
 * The given indices in a new random order every epoch, each once: PyTorch's {@code
 * SubsetRandomSampler}, e.g. to draw a training and a validation loader from one dataset.
 *
 * <pre>{@code
 * int[] perm = ...;                                           // a split of train's indices
 * var trainPart = new SubsetRandomSampler(Arrays.copyOfRange(perm, 0, 50_000));
 * var validPart = new SubsetRandomSampler(Arrays.copyOfRange(perm, 50_000, 60_000));
 * var loader = DataLoader.of(train, LoaderOptions.batchSize(64).withSampler(trainPart));
 * }</pre>
 *
 * <p>The order depends only on the seed and the epoch; it is not PyTorch's for the same seed.
 */
public final class SubsetRandomSampler implements Sampler {

  private final int[] indices;
  private final long seed;

  /** The indices (copied) in a random order every epoch, seed 0. */
  public SubsetRandomSampler(int[] indices) {
    this(indices, 0);
  }

  /**
   * The indices (copied) in a random order every epoch.
   *
   * @throws IllegalArgumentException for a negative index
   */
  public SubsetRandomSampler(int[] indices, long seed) {
    this.indices = Arguments.requireNonNull(indices, "indices").clone();
    for (int i : this.indices) {
      if (i < 0) {
        throw new IllegalArgumentException("SubsetRandomSampler: negative index " + i
            + " in the indices; pass dataset indices, each >= 0");
      }
    }
    this.seed = seed;
  }

  /** The indices, in the order given (a copy). */
  public int[] subset() {
    return indices.clone();
  }

  /** The seed of the orders. */
  public long seed() {
    return seed;
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int[] indices(int epoch) {
    Samplers.checkEpoch("SubsetRandomSampler", epoch);
    int[] perm = Datasets.permutation(indices.length, Samplers.random(seed, epoch));
    int[] out = new int[indices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = indices[perm[i]];
    }
    return out;
  }

  @Override
  public String toString() {
    return "SubsetRandomSampler(" + indices.length + " indices: "
        + Arrays.toString(Arrays.copyOf(indices, Math.min(indices.length, 8)))
        + (indices.length > 8 ? "..." : "") + ", seed=" + seed + ")";
  }
}

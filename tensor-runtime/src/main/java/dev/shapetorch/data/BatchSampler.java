package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;

/**
 * Groups a sampler's indices into batches: PyTorch's {@code BatchSampler}, given to a loader with
 * {@link LoaderOptions#withBatchSampler} ({@code batch_sampler=}) when the batches themselves are
 * to be chosen, e.g. by a subclass of your own that groups examples of similar length.
 *
 * <pre>{@code
 * var batches = new BatchSampler(new RandomSampler(train), 32, true);
 * var loader = DataLoader.of(train, LoaderOptions.DEFAULTS.withBatchSampler(batches));
 * }</pre>
 *
 * <p>Batch {@code k} of an epoch is indices {@code [k * batchSize, (k + 1) * batchSize)} of the
 * sampler's indices for that epoch; the last batch is shorter unless {@code dropLast} drops it.
 * Not final: override {@link #batches} to choose batches another way (each batch non-empty,
 * {@link #size()} of them).
 *
 * <p>Shape: a loader's batch of {@code b} stacked examples of shape {@code [*s]} is {@code [b,
 * *s]}, {@code b} at most {@code batchSize}.
 */
public class BatchSampler {

  private final Sampler sampler;
  private final int batchSize;
  private final boolean dropLast;

  /**
   * Batches of {@code batchSize} of {@code sampler}'s indices.
   *
   * @param sampler the indices of an epoch, in order
   * @param batchSize indices per batch, at least 1
   * @param dropLast drop a last batch shorter than {@code batchSize} ({@code drop_last})
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public BatchSampler(Sampler sampler, int batchSize, boolean dropLast) {
    this.sampler = Arguments.requireNonNull(sampler, "sampler");
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "BatchSampler: batchSize must be a positive integer, got " + batchSize);
    }
    this.batchSize = batchSize;
    this.dropLast = dropLast;
  }

  /** The sampler whose indices are grouped. */
  public Sampler sampler() {
    return sampler;
  }

  /** Indices per batch. */
  public int batchSize() {
    return batchSize;
  }

  /** Whether a short last batch is dropped. */
  public boolean dropLast() {
    return dropLast;
  }

  /** The number of batches of an epoch ({@code len(batch_sampler)}). */
  public int size() {
    long n = sampler.size();
    return (int) (dropLast ? n / batchSize : (n + batchSize - 1) / batchSize);
  }

  /**
   * The batches of epoch {@code epoch}: {@link #size()} arrays of dataset indices, in order.
   *
   * @throws IllegalArgumentException for a negative epoch
   */
  public int[][] batches(int epoch) {
    Samplers.checkEpoch("BatchSampler", epoch);
    int[] indices = sampler.indices(epoch);
    if (indices == null || indices.length != sampler.size()) {
      throw new IllegalStateException("BatchSampler.batches: the sampler " + sampler + " gave "
          + (indices == null ? "null" : indices.length + " indices") + " for epoch " + epoch
          + " but its size() is " + sampler.size() + "; a sampler must give size() indices");
    }
    int[][] out = new int[size()][];
    for (int k = 0; k < out.length; k++) {
      int from = k * batchSize;
      int to = Math.min(indices.length, from + batchSize);
      out[k] = java.util.Arrays.copyOfRange(indices, from, to);
    }
    return out;
  }

  @Override
  public String toString() {
    return "BatchSampler(" + sampler + ", batchSize=" + batchSize + ", dropLast=" + dropLast
        + ")";
  }
}

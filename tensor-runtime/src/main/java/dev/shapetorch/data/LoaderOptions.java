package dev.shapetorch.data;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a {@link DataLoader} batches a dataset: PyTorch's {@code DataLoader} keyword arguments, as
 * an immutable record with {@code withX} copies.
 *
 * <pre>{@code
 * LoaderOptions opts = LoaderOptions.batchSize(64).withShuffle(true).withSeed(7).withNumWorkers(1);
 * }</pre>
 *
 * @param batchSize examples per batch ({@code batch_size}), at least 1
 * @param shuffle draw a new random order every epoch ({@code shuffle})
 * @param seed the seed of that order and of {@link SampleRandom} in random transforms: the same
 *     seed and epoch give the same batches, whatever the number of workers
 * @param dropLast drop the last batch when it is smaller than {@code batchSize} ({@code
 *     drop_last})
 * @param numWorkers background threads building batches ({@code num_workers}); 0 builds each batch
 *     on the iterating thread when it is asked for
 * @param prefetchFactor batches each worker may build ahead ({@code prefetch_factor}), at least 1:
 *     at most {@code numWorkers * prefetchFactor} batches wait in memory
 * @param scoped give each batch its own {@code TensorScope}, opened when the batch is handed out
 *     and closed when the next one is asked for (or the iteration ends), so that every tensor of
 *     a training step is freed before the next step; false hands batches to the caller's current
 *     scope instead
 * @param sampler the dataset indices each epoch visits, in order ({@code sampler}), or null to
 *     visit every index once (shuffled when {@code shuffle}); a {@link DistributedSampler} gives
 *     each process of a data-parallel job its own share. A sampler decides the order, so it
 *     cannot be combined with {@code shuffle} (as in PyTorch)
 * @param batchSampler the batches of dataset indices each epoch visits ({@code batch_sampler}),
 *     or null to cut the epoch's indices into batches of {@code batchSize}. It decides the
 *     batches, so, as in PyTorch, it excludes {@code batchSize} other than 1, {@code shuffle},
 *     {@code sampler} and {@code dropLast}
 */
public record LoaderOptions(
    int batchSize,
    boolean shuffle,
    long seed,
    boolean dropLast,
    int numWorkers,
    int prefetchFactor,
    boolean scoped,
    @Nullable Sampler sampler,
    @Nullable BatchSampler batchSampler) {

  /** PyTorch's defaults: batch size 1, no shuffling, no workers; scoped batches, seed 0. */
  public static final LoaderOptions DEFAULTS =
      new LoaderOptions(1, false, 0, false, 0, 2, true, null, null);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException for a batch size or prefetch factor below 1, negative
   *     workers, a sampler together with {@code shuffle}, or a batch sampler together with a
   *     batch size other than 1, shuffle, a sampler or drop-last
   */
  public LoaderOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "LoaderOptions: batchSize must be at least 1, got " + batchSize);
    }
    if (numWorkers < 0) {
      throw new IllegalArgumentException(
          "LoaderOptions: numWorkers must be >= 0, got " + numWorkers);
    }
    if (prefetchFactor < 1) {
      throw new IllegalArgumentException(
          "LoaderOptions: prefetchFactor must be at least 1, got " + prefetchFactor);
    }
    if (sampler != null && shuffle) {
      throw new IllegalArgumentException("LoaderOptions: a sampler and shuffle=true cannot be"
          + " combined (the sampler decides the order): leave shuffle false and let the sampler"
          + " shuffle, e.g. DistributedSampler's shuffle (on by default)");
    }
    if (batchSampler != null && (batchSize != 1 || shuffle || sampler != null || dropLast)) {
      throw new IllegalArgumentException("LoaderOptions: a batchSampler is mutually exclusive"
          + " with batchSize (" + batchSize + "), shuffle (" + shuffle + "), sampler ("
          + sampler + ") and dropLast (" + dropLast + "), as in PyTorch: the batch sampler"
          + " decides the batches; give those to the BatchSampler instead");
    }
  }

  /**
   * The options without a batch sampler, as before batch samplers existed.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public LoaderOptions(int batchSize, boolean shuffle, long seed, boolean dropLast,
      int numWorkers, int prefetchFactor, boolean scoped, @Nullable Sampler sampler) {
    this(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped, sampler, null);
  }

  /**
   * The options without a sampler, as before samplers existed.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public LoaderOptions(int batchSize, boolean shuffle, long seed, boolean dropLast,
      int numWorkers, int prefetchFactor, boolean scoped) {
    this(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped, null, null);
  }

  /** {@link #DEFAULTS} with this batch size. */
  public static LoaderOptions batchSize(int batchSize) {
    return DEFAULTS.withBatchSize(batchSize);
  }

  /** A copy with another batch size. */
  public LoaderOptions withBatchSize(int newBatchSize) {
    return new LoaderOptions(
        newBatchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped, sampler, batchSampler);
  }

  /** A copy that does or does not shuffle. */
  public LoaderOptions withShuffle(boolean newShuffle) {
    return new LoaderOptions(
        batchSize, newShuffle, seed, dropLast, numWorkers, prefetchFactor, scoped, sampler, batchSampler);
  }

  /** A copy with another seed. */
  public LoaderOptions withSeed(long newSeed) {
    return new LoaderOptions(
        batchSize, shuffle, newSeed, dropLast, numWorkers, prefetchFactor, scoped, sampler, batchSampler);
  }

  /** A copy that does or does not drop a last, smaller batch. */
  public LoaderOptions withDropLast(boolean newDropLast) {
    return new LoaderOptions(
        batchSize, shuffle, seed, newDropLast, numWorkers, prefetchFactor, scoped, sampler, batchSampler);
  }

  /** A copy with another number of background workers. */
  public LoaderOptions withNumWorkers(int newNumWorkers) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, newNumWorkers, prefetchFactor, scoped, sampler, batchSampler);
  }

  /** A copy with another prefetch factor. */
  public LoaderOptions withPrefetchFactor(int newPrefetchFactor) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, numWorkers, newPrefetchFactor, scoped, sampler, batchSampler);
  }

  /** A copy that does or does not give each batch its own scope. */
  public LoaderOptions withScoped(boolean newScoped) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, newScoped, sampler, batchSampler);
  }

  /**
   * A copy that visits the indices {@code newSampler} gives ({@code sampler=}), or every index
   * when null.
   *
   * @throws IllegalArgumentException if this options shuffle: a sampler decides the order
   */
  public LoaderOptions withSampler(@Nullable Sampler newSampler) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped, newSampler, batchSampler);
  }

  /**
   * A copy whose epochs visit the batches {@code newBatchSampler} gives ({@code batch_sampler=}),
   * or batches of {@code batchSize} when null.
   *
   * @throws IllegalArgumentException if these options set a batch size other than 1, shuffle, a
   *     sampler or drop-last: the batch sampler decides the batches
   */
  public LoaderOptions withBatchSampler(@Nullable BatchSampler newBatchSampler) {
    return new LoaderOptions(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor,
        scoped, sampler, newBatchSampler);
  }
}

package dev.shapetorch.data;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import java.util.function.IntConsumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a {@link DataLoader} batches a dataset: PyTorch's {@code DataLoader} keyword arguments, as
 * an immutable record with {@code withX} copies.
 *
 * <pre>{@code
 * LoaderOptions opts = LoaderOptions.batchSize(64).withShuffle(true).withSeed(7).withNumWorkers(1);
 * }</pre>
 *
 * <p>Type: {@code @Shape({"N", "D"}) LoaderOptions}, as a module's type holds its
 * hyperparameters: the batch size {@code N} and whether the last, shorter batch is dropped
 * ({@code D}: 1 for {@code withDropLast(true)}, 0 for false, {@code _} when not a constant, which
 * counts as false). {@code LoaderOptions.batchSize(64)} is {@code [64, 0]}, {@code
 * .withDropLast(true)} makes it {@code [64, 1]}, {@code .withBatchSize(m)} sets {@code N}, the
 * other {@code withX} keep both ({@code withBatchSampler}, which decides the batches itself,
 * makes both unknown). A {@link DataLoader} made with it has batches of {@code N} examples when
 * {@code D} is 1, else of a size known only to be at most {@code N} (see {@link
 * DataLoader#of(Dataset, LoaderOptions)}).
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
 * @param workerInitFn called on each worker thread with its id, in {@code [0, numWorkers)},
 *     before the worker builds its first batch ({@code worker_init_fn}), or null; with {@code
 *     numWorkers} 0 it is not called, as in PyTorch. What it throws ends the iteration: {@code
 *     next()} rethrows it
 * @param persistentWorkers keep the worker threads, and what {@code workerInitFn} set up on them,
 *     from one epoch to the next instead of starting new ones each epoch ({@code
 *     persistent_workers}); needs {@code numWorkers > 0}. The loader then owns the threads until
 *     {@link DataLoader#close()} (or until it is garbage-collected)
 * @param timeoutSeconds how long {@code next()} waits for a worker's batch before it gives up
 *     with an exception ({@code timeout}); 0, the default, waits without limit. Not used without
 *     workers, as in PyTorch
 * @param pinMemory copy each batch's tensors into page-locked (pinned) host memory before handing
 *     the batch out ({@code pin_memory}), so that a later {@code to(cuda, nonBlocking)} copy can
 *     overlap with computation. Without CUDA there is no pinned memory: the loader then warns
 *     once (as PyTorch 2 does) and hands out ordinary batches
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
    @Nullable BatchSampler batchSampler,
    @Nullable IntConsumer workerInitFn,
    boolean persistentWorkers,
    double timeoutSeconds,
    boolean pinMemory) {

  /**
   * PyTorch's defaults: batch size 1, no shuffling, no workers (no init function, not
   * persistent, no timeout), no pinned memory; scoped batches, seed 0.
   */
  public static final LoaderOptions DEFAULTS =
      new LoaderOptions(1, false, 0, false, 0, 2, true, null, null, null, false, 0.0, false);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException for a batch size or prefetch factor below 1, negative
   *     workers, a negative or NaN timeout, a sampler together with {@code shuffle}, or a batch
   *     sampler together with a batch size other than 1, shuffle, a sampler or drop-last (that
   *     {@code persistentWorkers} needs workers is checked when a {@link DataLoader} is made, so
   *     that the {@code withX} calls may come in any order)
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
    if (!(timeoutSeconds >= 0)) {
      throw new IllegalArgumentException("LoaderOptions: timeoutSeconds must be >= 0 (0 waits"
          + " without limit), got " + timeoutSeconds);
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
   * The options without pinned memory ({@code pinMemory} false), as before it existed.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public LoaderOptions(int batchSize, boolean shuffle, long seed, boolean dropLast,
      int numWorkers, int prefetchFactor, boolean scoped, @Nullable Sampler sampler,
      @Nullable BatchSampler batchSampler, @Nullable IntConsumer workerInitFn,
      boolean persistentWorkers, double timeoutSeconds) {
    this(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped, sampler,
        batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, false);
  }

  /**
   * The options without worker settings ({@code workerInitFn}, {@code persistentWorkers}, {@code
   * timeout}), as before they existed.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public LoaderOptions(int batchSize, boolean shuffle, long seed, boolean dropLast,
      int numWorkers, int prefetchFactor, boolean scoped, @Nullable Sampler sampler,
      @Nullable BatchSampler batchSampler) {
    this(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped, sampler,
        batchSampler, null, false, 0.0, false);
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
  public static @Shape({"n", "0"}) LoaderOptions batchSize(@Dim("n") int batchSize) {
    return DEFAULTS.withBatchSize(batchSize);
  }

  /** A copy with another batch size. */
  public @Shape({"m", "D"}) LoaderOptions withBatchSize(
      @Shape({"N", "D"}) LoaderOptions this, @Dim("m") int newBatchSize) {
    return new LoaderOptions(
        newBatchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped,
        sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /** A copy that does or does not shuffle. */
  public @Shape({"N", "D"}) LoaderOptions withShuffle(
      @Shape({"N", "D"}) LoaderOptions this, boolean newShuffle) {
    return new LoaderOptions(
        batchSize, newShuffle, seed, dropLast, numWorkers, prefetchFactor, scoped,
        sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /** A copy with another seed. */
  public @Shape({"N", "D"}) LoaderOptions withSeed(
      @Shape({"N", "D"}) LoaderOptions this, long newSeed) {
    return new LoaderOptions(
        batchSize, shuffle, newSeed, dropLast, numWorkers, prefetchFactor, scoped,
        sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /** A copy that does or does not drop a last, smaller batch. */
  public @Shape({"N", "e"}) LoaderOptions withDropLast(
      @Shape({"N", "D"}) LoaderOptions this, @Dim("e") boolean newDropLast) {
    return new LoaderOptions(
        batchSize, shuffle, seed, newDropLast, numWorkers, prefetchFactor, scoped,
        sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /** A copy with another number of background workers. */
  public @Shape({"N", "D"}) LoaderOptions withNumWorkers(
      @Shape({"N", "D"}) LoaderOptions this, int newNumWorkers) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, newNumWorkers, prefetchFactor, scoped,
        sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /** A copy with another prefetch factor. */
  public @Shape({"N", "D"}) LoaderOptions withPrefetchFactor(
      @Shape({"N", "D"}) LoaderOptions this, int newPrefetchFactor) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, numWorkers, newPrefetchFactor, scoped,
        sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /** A copy that does or does not give each batch its own scope. */
  public @Shape({"N", "D"}) LoaderOptions withScoped(
      @Shape({"N", "D"}) LoaderOptions this, boolean newScoped) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, newScoped,
        sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /**
   * A copy that visits the indices {@code newSampler} gives ({@code sampler=}), or every index
   * when null.
   *
   * @throws IllegalArgumentException if this options shuffle: a sampler decides the order
   */
  public @Shape({"N", "D"}) LoaderOptions withSampler(
      @Shape({"N", "D"}) LoaderOptions this, @Nullable Sampler newSampler) {
    return new LoaderOptions(
        batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor, scoped,
        newSampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
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
        scoped, sampler, newBatchSampler, workerInitFn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /**
   * A copy that calls {@code fn} on each worker thread with its id before the worker's first
   * batch ({@code worker_init_fn=}), or calls nothing when null.
   */
  public @Shape({"N", "D"}) LoaderOptions withWorkerInitFn(
      @Shape({"N", "D"}) LoaderOptions this, @Nullable IntConsumer fn) {
    return new LoaderOptions(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor,
        scoped, sampler, batchSampler, fn, persistentWorkers, timeoutSeconds, pinMemory);
  }

  /**
   * A copy that does or does not keep its worker threads across epochs ({@code
   * persistent_workers=}); a loader made with it needs {@code numWorkers > 0}.
   */
  public @Shape({"N", "D"}) LoaderOptions withPersistentWorkers(
      @Shape({"N", "D"}) LoaderOptions this, boolean persistent) {
    return new LoaderOptions(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor,
        scoped, sampler, batchSampler, workerInitFn, persistent, timeoutSeconds, pinMemory);
  }

  /**
   * A copy whose {@code next()} waits at most {@code seconds} for a worker's batch ({@code
   * timeout=}); 0 waits without limit.
   *
   * @throws IllegalArgumentException for a negative or NaN timeout
   */
  public @Shape({"N", "D"}) LoaderOptions withTimeout(
      @Shape({"N", "D"}) LoaderOptions this, double seconds) {
    return new LoaderOptions(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor,
        scoped, sampler, batchSampler, workerInitFn, persistentWorkers, seconds, pinMemory);
  }

  /**
   * A copy that does or does not copy each batch's tensors into pinned (page-locked) memory
   * ({@code pin_memory=}); without CUDA the loader warns once and leaves the batches as they are.
   */
  public @Shape({"N", "D"}) LoaderOptions withPinMemory(
      @Shape({"N", "D"}) LoaderOptions this, boolean newPinMemory) {
    return new LoaderOptions(batchSize, shuffle, seed, dropLast, numWorkers, prefetchFactor,
        scoped, sampler, batchSampler, workerInitFn, persistentWorkers, timeoutSeconds,
        newPinMemory);
  }
}

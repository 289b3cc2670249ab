package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Iterates a dataset in batches: PyTorch's {@code torch.utils.data.DataLoader}, for map-style
 * datasets.
 *
 * <pre>{@code
 * var loader = DataLoader.of(train, LoaderOptions.batchSize(64).withShuffle(true).withSeed(0));
 * for (Sample batch : loader) {            // each batch gets its own TensorScope
 *   Tensor loss = F.crossEntropy(model.forward(batch.input()), batch.target());
 *   optimizer.zeroGrad();
 *   loss.backward();
 *   optimizer.step();
 *   total += loss.item();                  // keep Java numbers, not tensors, across steps
 * }
 * }</pre>
 *
 * <p><b>Batches.</b> With the default collate ({@link Collate#stack()}), a dataset that {@linkplain
 * BatchedDataset#supportsBatches() supports batches} builds each one in a single call; otherwise
 * the examples are fetched one by one and collated. Every epoch visits each example once; with
 * {@link LoaderOptions#shuffle()} the order is a new permutation each epoch, drawn from the seed
 * and the epoch number (the first {@link #iterator()} is epoch 0, the next epoch 1, ...). With a
 * {@link LoaderOptions#sampler() sampler} an epoch visits the indices the sampler gives for
 * that epoch number instead (a {@link DistributedSampler} gives each process its share), and
 * with a {@link LoaderOptions#batchSampler() batch sampler} it visits the batches the batch
 * sampler gives.
 *
 * <p><b>Workers.</b> With {@code numWorkers > 0}, background threads build the next batches
 * while the caller trains on the current one; at most {@code numWorkers * prefetchFactor} batches
 * wait. Batches arrive in order. An exception in a worker is rethrown by {@code next()} (with a
 * suppressed exception naming the batch). The threads stop when the iteration ends or the
 * iterator is {@linkplain BatchIterator#close() closed}; with {@link
 * LoaderOptions#persistentWorkers()} they stay for the next epoch, until {@link #close()}. Each
 * worker has an id that {@link #getWorkerInfo()} reports on its thread, and runs the {@link
 * LoaderOptions#workerInitFn() workerInitFn} before its first batch. With a {@link
 * LoaderOptions#timeoutSeconds() timeout}, {@code next()} gives up on a batch that takes longer.
 *
 * <p><b>Memory.</b> With {@link LoaderOptions#scoped()} (the default) each batch, and every tensor
 * made while it is the current batch, belongs to a {@link dev.shapetorch.tensor.TensorScope} that
 * closes when the next batch is asked for: memory stays flat over epochs without any scope in
 * the loop. Keep a tensor longer with {@code retain()}. Leaving a loop early with {@code break}
 * leaves the last batch's scope open until an enclosing scope closes: iterate with
 * try-with-resources on {@link #iterator()} when you stop early outside any scope.
 *
 * <p>An iterator belongs to the thread that iterates it. The loader itself may be iterated again
 * (one epoch per {@link #iterator()}) but not by two threads at once.
 *
 * @param <B> the type of a batch
 */
public final class DataLoader<B> implements Iterable<B>, AutoCloseable {

  private final Dataset<?> dataset;
  private final BatchBuilder<B> builder;
  private final LoaderOptions options;
  private int nextEpoch;
  /** With persistentWorkers: the workers every epoch uses, made by the first; else null. */
  private WorkerPool persistent;

  /** Builds the batch of the given dataset indices. */
  @FunctionalInterface
  interface BatchBuilder<B> {
    B build(int[] indices);
  }

  private DataLoader(Dataset<?> dataset, BatchBuilder<B> builder, LoaderOptions options) {
    this.dataset = dataset;
    this.builder = builder;
    this.options = Arguments.requireNonNull(options, "options");
    if (options.persistentWorkers() && options.numWorkers() == 0) {
      throw new IllegalArgumentException("DataLoader: persistentWorkers needs numWorkers > 0"
          + " (there are no workers to keep); add withNumWorkers(n) or drop"
          + " withPersistentWorkers(true)");
    }
  }

  /**
   * Which worker the calling thread is: PyTorch's {@code torch.utils.data.get_worker_info()}.
   * Null on any thread that is not a loader's worker, such as the one iterating the loader (or
   * with {@code numWorkers} 0, where batches are built on that thread).
   */
  public static @Nullable WorkerInfo getWorkerInfo() {
    return WorkerInfo.current();
  }

  /** The persistent workers, made on first use (and again after {@link #close()}). */
  synchronized WorkerPool persistentWorkers() {
    if (persistent == null) {
      persistent = new WorkerPool(this, options.numWorkers(), options.seed(), dataset,
          options.workerInitFn());
    }
    return persistent;
  }

  /**
   * Ends the persistent workers ({@link LoaderOptions#persistentWorkers()}), after the batches
   * they are building; a later epoch starts new ones. Without persistent workers, or when none
   * were started, it does nothing: each epoch's iterator ends its own workers. Close the epoch's
   * iterator first (a finished loop has).
   *
   * @throws IllegalStateException when a worker is still building a batch after a minute (a
   *     dataset whose {@code get} does not return)
   */
  @Override
  public void close() {
    WorkerPool pool;
    synchronized (this) {
      pool = persistent;
      persistent = null;
    }
    if (pool == null) {
      return;
    }
    List<Thread> running =
        pool.shutdownAndAwait(TimeUnit.SECONDS.toNanos(BatchIterator.CLOSE_TIMEOUT_SECONDS));
    if (!running.isEmpty()) {
      throw new IllegalStateException("DataLoader.close: " + running.size() + " persistent"
          + " worker(s) still building a batch after " + BatchIterator.CLOSE_TIMEOUT_SECONDS
          + " s (" + running.get(0).getName() + "): the dataset's get() or the collate function"
          + " does not return");
    }
  }

  /**
   * A loader whose batches are {@link Collate#stack() stacked} examples, built in one call when
   * the dataset supports batches.
   */
  public static <T> DataLoader<T> of(Dataset<T> dataset, LoaderOptions options) {
    Arguments.requireNonNull(dataset, "dataset");
    if (dataset instanceof BatchedDataset<T> b && b.supportsBatches()) {
      return new DataLoader<>(dataset, b::getBatch, options);
    }
    Collate<T, T> stack = Collate.stack();
    return new DataLoader<>(dataset, indices -> stack.collate(fetch(dataset, indices)), options);
  }

  /** A loader whose batches are {@code collate} applied to the examples of each batch. */
  public static <T, R> DataLoader<R> of(
      Dataset<T> dataset, Collate<? super T, ? extends R> collate, LoaderOptions options) {
    Arguments.requireNonNull(dataset, "dataset");
    Arguments.requireNonNull(collate, "collate");
    return new DataLoader<R>(dataset, indices -> collateAll(collate, fetch(dataset, indices)),
        options);
  }

  private static <T, R> R collateAll(Collate<? super T, ? extends R> collate, List<T> examples) {
    @SuppressWarnings("unchecked") // Collate<? super T, ...> accepts a List<T>: lists are read-only here
    Collate<T, ? extends R> c = (Collate<T, ? extends R>) collate;
    return c.collate(examples);
  }

  private static <T> List<T> fetch(Dataset<T> dataset, int[] indices) {
    List<T> examples = new ArrayList<>(indices.length);
    for (int i : indices) {
      examples.add(dataset.get(i));
    }
    return examples;
  }

  /** The dataset. */
  public Dataset<?> dataset() {
    return dataset;
  }

  /** The options. */
  public LoaderOptions options() {
    return options;
  }

  /**
   * The number of batches in an epoch ({@code len(loader)}): the batch sampler's when the options
   * have one, else the batches of the sampler's indices when they have a sampler, else of the
   * dataset's examples.
   */
  public int numBatches() {
    BatchSampler batchSampler = options.batchSampler();
    if (batchSampler != null) {
      return batchSampler.size();
    }
    Sampler sampler = options.sampler();
    int n = sampler != null ? sampler.size() : dataset.size();
    int b = options.batchSize();
    return (int) (options.dropLast() ? n / b : ((long) n + b - 1) / b); // n + b may pass 2^31
  }

  /** Iterates the next epoch (0 for the first call, then 1, 2, ...). */
  @Override
  public BatchIterator<B> iterator() {
    return iterator(nextEpoch++);
  }

  /**
   * Iterates epoch {@code epoch}: its order (when shuffling) and its random transforms depend
   * only on the seed and {@code epoch}. Later calls of {@link #iterator()} continue from {@code
   * epoch + 1}.
   */
  public BatchIterator<B> iterator(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("DataLoader.iterator: negative epoch " + epoch);
    }
    nextEpoch = epoch + 1;
    return new BatchIterator<>(this, epoch, batches(epoch));
  }

  /** The batches of epoch {@code epoch}: the dataset indices of each, in visiting order. */
  private int[][] batches(int epoch) {
    BatchSampler batchSampler = options.batchSampler();
    if (batchSampler != null) {
      return checked(batchSampler, batchSampler.batches(epoch), dataset.size(), epoch);
    }
    int[] order = order(epoch);
    int b = options.batchSize();
    int[][] out = new int[numBatches()][];
    for (int k = 0; k < out.length; k++) {
      int from = (int) Math.min(order.length, (long) k * b);
      int to = (int) Math.min(order.length, (long) from + b);
      out[k] = java.util.Arrays.copyOfRange(order, from, to);
    }
    return out;
  }

  /** The dataset indices of epoch {@code epoch}, in visiting order. */
  private int[] order(int epoch) {
    int n = dataset.size();
    Sampler sampler = options.sampler();
    if (sampler != null) {
      return checked(sampler, sampler.indices(epoch), n, epoch);
    }
    if (options.shuffle()) {
      return Datasets.permutation(
          n, new java.util.SplittableRandom(SampleRandom.epochSeed(options.seed(), epoch)));
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** The sampler's indices, after checking that they fit the dataset and the sampler's size. */
  private static int[] checked(Sampler sampler, int[] indices, int n, int epoch) {
    if (indices == null || indices.length != sampler.size()) {
      throw new IllegalStateException("DataLoader.iterator: the sampler " + sampler + " gave "
          + (indices == null ? "null" : indices.length + " indices") + " for epoch " + epoch
          + " but its size() is " + sampler.size() + "; a sampler must give size() indices");
    }
    for (int i : indices) {
      if (i < 0 || i >= n) {
        throw new IllegalStateException("DataLoader.iterator: the sampler " + sampler
            + " gave index " + i + " for a dataset of " + n + " examples; build the sampler"
            + " for this loader's dataset");
      }
    }
    return indices;
  }

  /** The batch sampler's batches, after checking that they fit the dataset and its size. */
  private static int[][] checked(BatchSampler sampler, int[][] batches, int n, int epoch) {
    if (batches == null || batches.length != sampler.size()) {
      throw new IllegalStateException("DataLoader.iterator: the batch sampler " + sampler
          + " gave " + (batches == null ? "null" : batches.length + " batches") + " for epoch "
          + epoch + " but its size() is " + sampler.size()
          + "; a batch sampler must give size() batches");
    }
    for (int k = 0; k < batches.length; k++) {
      if (batches[k] == null || batches[k].length == 0) {
        throw new IllegalStateException("DataLoader.iterator: the batch sampler " + sampler
            + " gave an empty batch " + k + " for epoch " + epoch
            + "; every batch needs at least one index");
      }
      for (int i : batches[k]) {
        if (i < 0 || i >= n) {
          throw new IllegalStateException("DataLoader.iterator: the batch sampler " + sampler
              + " gave index " + i + " in batch " + k + " for a dataset of " + n
              + " examples; build the batch sampler for this loader's dataset");
        }
      }
    }
    return batches;
  }

  /** Builds batch {@code k} of an epoch from its indices, on the calling thread. */
  B build(int epoch, int k, int[] indices) {
    SampleRandom.seed(SampleRandom.batchSeed(options.seed(), epoch, k));
    return builder.build(indices);
  }
}

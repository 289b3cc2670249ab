package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.Tensor;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Iterates a dataset in batches: PyTorch's {@code torch.utils.data.DataLoader}, for map-style
 * datasets ({@link Dataset}) and iterable-style ones ({@link IterableDataset}).
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
 * <p><b>Iterable datasets.</b> A loader of an {@link IterableDataset} batches consecutive
 * examples of the dataset's iterator ({@code batchSize}, {@code dropLast} and the collate
 * function as above; the last batch may be smaller). Without workers it iterates on the calling
 * thread. With {@code numWorkers > 0} each worker calls {@link IterableDataset#iterator()} on its
 * own thread, where {@link #getWorkerInfo()} says which worker it is, builds whole batches from
 * its own iterator (at most {@code prefetchFactor} ahead; {@code dropLast} drops each worker's
 * last, smaller batch), and the loader yields the workers' batches in turn: worker 0's first,
 * worker 1's first, ..., worker 0's second, ..., skipping workers whose iterator has ended, as
 * PyTorch does. A dataset that does not split itself by {@link WorkerInfo} therefore yields each
 * example once per worker (see {@link IterableDataset}). {@code workerInitFn}, {@code
 * persistentWorkers} and {@code timeout} work as for map-style datasets; {@code shuffle}, a
 * {@code sampler} and a {@code batchSampler} are refused, and {@link #numBatches()} is unknown;
 * with persistent workers a new epoch first closes the previous epoch's iterator, whose workers
 * would otherwise keep the threads.
 * Each worker is a thread for the whole epoch, so at most 1024 are
 * allowed.
 * What an iterator throws in a worker ends the iteration: {@code hasNext()}/{@code next()}
 * throws an {@link IllegalStateException} naming the worker, with the exception as its cause.
 *
 * <p><b>Pinned memory.</b> With {@link LoaderOptions#pinMemory()} and CUDA available, every
 * tensor of each batch (in {@link Sample}s, lists and maps too; other batch types are left as
 * they are) is copied into page-locked memory ({@link Tensor#pinMemory()}) before the batch is
 * handed out, so that copies to the GPU can be asynchronous. Without CUDA the loader logs one
 * warning (logger {@code dev.shapetorch.data}, on its first {@link #iterator()}) and hands out
 * ordinary batches, as PyTorch 2 does.
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

  private static final System.Logger LOG = System.getLogger("dev.shapetorch.data");

  /** PyTorch 2's warning for {@code pin_memory=True} without an accelerator. */
  static final String PIN_MEMORY_WARNING = "'pin_memory' argument is set as true but no"
      + " accelerator is found, then device pinned memory won't be used";

  /** The map-style dataset, or null for an iterable one. */
  private final @Nullable Dataset<?> dataset;
  /** The iterable dataset, or null for a map-style one. */
  private final @Nullable IterableDataset<?> iterable;
  /** Builds a map-style batch; null for an iterable dataset. */
  private final @Nullable BatchBuilder<B> builder;
  /** Collates the examples of an iterable dataset's batch; null for a map-style one. */
  private final @Nullable ExampleCollate<B> collate;
  private final LoaderOptions options;
  /** Pin each batch's tensors: pinMemory asked for, and CUDA there. */
  private final boolean pin;
  private final AtomicBoolean pinWarned = new AtomicBoolean();
  private int nextEpoch;
  /** With persistentWorkers: the workers every epoch uses, made by the first; else null. */
  private WorkerPool persistent;
  /**
   * With persistentWorkers and an IterableDataset: the last epoch's iterator, closed when the
   * next starts (its workers hold the shared threads until it ends); else null.
   */
  private BatchIterator<B> lastIterable;

  /** Builds the batch of the given dataset indices. */
  @FunctionalInterface
  interface BatchBuilder<B> {
    B build(int[] indices);
  }

  /** Collates the examples an iterable dataset's iterator gave. */
  @FunctionalInterface
  interface ExampleCollate<B> {
    B collate(List<Object> examples);
  }

  private DataLoader(@Nullable Dataset<?> dataset, @Nullable IterableDataset<?> iterable,
      @Nullable BatchBuilder<B> builder, @Nullable ExampleCollate<B> collate,
      LoaderOptions options) {
    this.dataset = dataset;
    this.iterable = iterable;
    this.builder = builder;
    this.collate = collate;
    this.options = Arguments.requireNonNull(options, "options");
    if (iterable != null) {
      refuseMapStyleOptions(options);
    }
    this.pin = options.pinMemory() && Device.isCudaAvailable();
    if (options.persistentWorkers() && options.numWorkers() == 0) {
      throw new IllegalArgumentException("DataLoader: persistentWorkers needs numWorkers > 0"
          + " (there are no workers to keep); add withNumWorkers(n) or drop"
          + " withPersistentWorkers(true)");
    }
  }

  private DataLoader(Dataset<?> dataset, BatchBuilder<B> builder, LoaderOptions options) {
    this(dataset, null, builder, null, options);
  }

  /**
   * The most workers a loader of an IterableDataset starts: each is a thread of its own for the
   * whole epoch (a map-style loader starts no more threads than it has batches).
   */
  static final int MAX_ITERABLE_WORKERS = 1024;

  /** PyTorch's checks of the options an IterableDataset has no use for, and the workers. */
  private static void refuseMapStyleOptions(LoaderOptions options) {
    if (options.numWorkers() > MAX_ITERABLE_WORKERS) {
      throw new IllegalArgumentException("DataLoader with IterableDataset: numWorkers "
          + options.numWorkers() + " would start as many threads, each iterating the dataset"
          + " for the whole epoch; give at most " + MAX_ITERABLE_WORKERS + " (a few per CPU"
          + " core is plenty)");
    }
    if (options.shuffle()) {
      throw new IllegalArgumentException("DataLoader with IterableDataset: expected unspecified"
          + " shuffle option, but got shuffle=true; an IterableDataset has no indices to"
          + " shuffle: leave shuffle false and shuffle inside its iterator (a shuffle buffer)");
    }
    if (options.sampler() != null) {
      throw new IllegalArgumentException("DataLoader with IterableDataset: expected unspecified"
          + " sampler option, but got sampler=" + options.sampler() + "; an IterableDataset"
          + " has no indices to sample: drop withSampler, or use a map-style Dataset");
    }
    if (options.batchSampler() != null) {
      throw new IllegalArgumentException("DataLoader with IterableDataset: expected unspecified"
          + " batchSampler option, but got batchSampler=" + options.batchSampler() + "; an"
          + " IterableDataset has no indices to batch: drop withBatchSampler and give a"
          + " batchSize, or use a map-style Dataset");
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
      persistent = new WorkerPool(this, options.numWorkers(), options.seed(),
          dataset != null ? dataset : iterable, options.workerInitFn());
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
   *
   * <p>Type: for a dataset of {@code @SampleShape(input = in, target = t)} items (a {@link
   * TensorDataset#of(Tensor, Tensor) TensorDataset.of}, an MNIST or CIFAR dataset without a
   * transform) and options {@code @Shape({"n", "d"})} ({@link LoaderOptions}), the loader and
   * each of its batches (a for-each variable, {@code iterator().next()}) are {@code
   * @SampleShape(input = [B, *in], target = [B, *t])}: {@code B} is {@code n} when the options
   * drop the last batch ({@code withDropLast(true)}), and otherwise a size known only to be at
   * most {@code n}, written {@code ≤n}, the same for input and target. A method that requires
   * exactly {@code n} rejects such batches ({@code shape.batch.partial}: the last batch may be
   * shorter); one written for any {@code B} accepts them. Unknown items or an unknown batch size
   * give unknown shapes.
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

  /**
   * A loader of an iterable dataset whose batches are {@link Collate#stack() stacked}
   * consecutive examples of its iterator (see the class comment for workers).
   *
   * @throws IllegalArgumentException if the options shuffle or have a sampler or a batch
   *     sampler, which an IterableDataset has no use for (as in PyTorch)
   */
  public static <T> DataLoader<T> of(IterableDataset<T> dataset, LoaderOptions options) {
    return of(dataset, Collate.<T>stack(), options);
  }

  /**
   * A loader of an iterable dataset whose batches are {@code collate} applied to consecutive
   * examples of its iterator.
   *
   * @throws IllegalArgumentException if the options shuffle or have a sampler or a batch
   *     sampler, which an IterableDataset has no use for (as in PyTorch)
   */
  public static <T, R> DataLoader<R> of(IterableDataset<T> dataset,
      Collate<? super T, ? extends R> collate, LoaderOptions options) {
    Arguments.requireNonNull(dataset, "dataset");
    Arguments.requireNonNull(collate, "collate");
    @SuppressWarnings("unchecked") // the examples come from the dataset's iterator, so are Ts
    Collate<Object, ? extends R> c = (Collate<Object, ? extends R>) collate;
    return new DataLoader<R>(null, dataset, null, c::collate, options);
  }

  private static <T> List<T> fetch(Dataset<T> dataset, int[] indices) {
    List<T> examples = new ArrayList<>(indices.length);
    for (int i : indices) {
      examples.add(dataset.get(i));
    }
    return examples;
  }

  /** The map-style dataset, or null when the loader iterates an {@link IterableDataset}. */
  public @Nullable Dataset<?> dataset() {
    return dataset;
  }

  /** The iterable dataset, or null when the loader iterates a map-style {@link Dataset}. */
  public @Nullable IterableDataset<?> iterableDataset() {
    return iterable;
  }

  /** The options. */
  public LoaderOptions options() {
    return options;
  }

  /**
   * The number of batches in an epoch ({@code len(loader)}): the batch sampler's when the options
   * have one, else the batches of the sampler's indices when they have a sampler, else of the
   * dataset's examples.
   *
   * @throws UnsupportedOperationException for an {@link IterableDataset}, which has no length
   *     (PyTorch's {@code len(loader)} raises too)
   */
  public int numBatches() {
    if (dataset == null) {
      throw new UnsupportedOperationException("DataLoader.numBatches: an IterableDataset has no"
          + " length, so the number of batches is only known when its iterators end; count"
          + " the batches while iterating");
    }
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
    if (options.pinMemory() && !pin && pinWarned.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, PIN_MEMORY_WARNING + " (DataLoader with pinMemory=true: CUDA is"
          + " not available, so the batches stay in ordinary memory)");
    }
    if (iterable != null) {
      if (options.persistentWorkers()) {
        // The previous epoch's workers occupy the persistent threads until it ends: end it.
        BatchIterator<B> previous = lastIterable;
        lastIterable = null;
        if (previous != null) {
          previous.close();
        }
        lastIterable = new BatchIterator<>(this, epoch);
        return lastIterable;
      }
      return new BatchIterator<>(this, epoch);
    }
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
    return pinned(builder.build(indices));
  }

  /**
   * Builds worker {@code worker}'s batch {@code j} of an epoch from the next examples of {@code
   * it} (worker 0 without workers), on the calling thread; null when the iterator has ended (or
   * only a smaller last batch is left, with dropLast).
   */
  @Nullable B buildNext(int epoch, int worker, int j, Iterator<?> it) {
    SampleRandom.seed(SampleRandom.batchSeed(options.seed() + worker, epoch, j));
    int b = options.batchSize();
    List<Object> examples = new ArrayList<>(Math.min(b, 1024));
    while (examples.size() < b && it.hasNext()) {
      examples.add(it.next());
    }
    if (examples.isEmpty() || (options.dropLast() && examples.size() < b)) {
      return null;
    }
    B batch = collate.collate(examples);
    if (batch == null) {
      throw new IllegalStateException("DataLoader: the collate function returned null for "
          + examples.size() + " examples; it must return a batch");
    }
    return pinned(batch);
  }

  /** The batch with its tensors in pinned memory when the loader pins, else the batch. */
  private B pinned(B batch) {
    if (!pin) {
      return batch;
    }
    @SuppressWarnings("unchecked") // pinning keeps the structure, so the batch is a B
    B out = (B) pin(batch);
    return out;
  }

  /** PyTorch's {@code pin_memory} of a batch: tensors, Samples, lists and maps of them. */
  private static Object pin(Object value) {
    if (value instanceof Tensor t) {
      return t.pinMemory();
    }
    if (value instanceof Sample s) {
      return new Sample(s.input().pinMemory(), s.target().pinMemory());
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(o == null ? null : pin(o));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(e.getKey(), e.getValue() == null ? null : pin(e.getValue()));
      }
      return out;
    }
    return value;
  }
}

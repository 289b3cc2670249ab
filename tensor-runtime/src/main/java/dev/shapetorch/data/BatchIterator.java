package dev.shapetorch.data;

import dev.shapetorch.internal.TensorWalker;
import dev.shapetorch.tensor.ScopeTransfer;
import dev.shapetorch.tensor.TensorScope;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One epoch of a {@link DataLoader}: an iterator over its batches that owns the epoch's worker
 * threads and the current batch's scope. For an {@link IterableDataset}, {@code hasNext()} builds
 * (or waits for) the next batch, since only the dataset's iterators know whether one follows. Closing it (or reaching the end) stops the workers,
 * frees batches built ahead and closes the current batch's scope; when it returns, no worker
 * thread of this iterator is alive.
 *
 * @param <B> the type of a batch
 */
public final class BatchIterator<B> implements Iterator<B>, AutoCloseable {

  /** How long {@link #close()} waits for a worker that is still building a batch. */
  static final long CLOSE_TIMEOUT_SECONDS = 60;

  private final DataLoader<B> loader;
  private final int epoch;
  private final int[][] batches;
  private final int numBatches;
  private final LoaderOptions options;
  private final Thread owner;
  /** The workers, or null without; the loader's when they are persistent, else this epoch's. */
  private final WorkerPool workers;
  private final boolean ownsWorkers;
  private final ArrayDeque<Future<B>> ahead = new ArrayDeque<>();
  /** Guards the hand-off of a built batch to {@link #built} against {@link #close()}. */
  private final Object handOff = new Object();
  /** Tasks of this iterator building a batch now; guarded by {@link #handOff}. */
  private int building;
  /** Batches a worker finished and the owner has not taken yet, by batch number. */
  private final ConcurrentHashMap<Integer, B> built = new ConcurrentHashMap<>();
  private int nextToSubmit;
  private int nextToReturn;
  private TensorScope batchScope;
  private volatile boolean closed;
  /** The epoch of an {@link IterableDataset}, which does all the work; null for map-style. */
  private final IterableEpoch<B> stream;

  /** One epoch of a loader of an {@link IterableDataset}. */
  BatchIterator(DataLoader<B> loader, int epoch) {
    this.loader = loader;
    this.epoch = epoch;
    this.batches = new int[0][];
    this.numBatches = -1;
    this.options = loader.options();
    this.owner = Thread.currentThread();
    this.workers = null;
    this.ownsWorkers = false;
    this.stream = new IterableEpoch<>(loader, epoch, this);
  }

  BatchIterator(DataLoader<B> loader, int epoch, int[][] batches) {
    this.stream = null;
    this.loader = loader;
    this.epoch = epoch;
    this.batches = batches;
    this.options = loader.options();
    this.numBatches = batches.length;
    this.owner = Thread.currentThread();
    if (options.numWorkers() > 0 && numBatches > 0) {
      ownsWorkers = !options.persistentWorkers();
      workers = ownsWorkers
          ? new WorkerPool(this, options.numWorkers(), options.seed(), loader.dataset(),
              options.workerInitFn())
          : loader.persistentWorkers();
      fillAhead();
    } else {
      workers = null;
      ownsWorkers = false;
    }
  }

  /** The epoch this iterator walks. */
  public int epoch() {
    return epoch;
  }

  /**
   * The number of batches this epoch has (the same as the loader's {@code numBatches()}).
   *
   * @throws UnsupportedOperationException for an {@link IterableDataset}, whose number of
   *     batches is only known at the end
   */
  public int numBatches() {
    if (stream != null) {
      return loader.numBatches(); // throws
    }
    return numBatches;
  }

  /**
   * True while batches remain. When none remain it ends the iteration: closes the last batch's
   * scope and stops the workers.
   */
  @Override
  public boolean hasNext() {
    if (stream != null) {
      return stream.hasNext();
    }
    if (!closed && nextToReturn < numBatches) {
      return true;
    }
    close();
    return false;
  }

  /**
   * The next batch. Closes the previous batch's scope first (freeing the tensors of the previous
   * step), then, when the loader is scoped, opens this batch's scope.
   *
   * @throws NoSuchElementException when the epoch is over or the iterator was closed
   */
  @Override
  public B next() {
    if (stream != null) {
      return stream.next();
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException(
          "BatchIterator.next: an iterator belongs to the thread that created it ("
              + owner.getName() + ")");
    }
    if (!hasNext()) {
      throw new NoSuchElementException(
          "BatchIterator.next: epoch " + epoch + " has no more batches (" + numBatches
              + " in all)");
    }
    closeBatchScope();
    int k = nextToReturn++;
    if (options.scoped()) {
      batchScope = TensorScope.open();
    }
    if (workers == null) {
      try (TensorScope building = TensorScope.open()) {
        B batch = loader.build(epoch, k, indicesOf(k));
        TensorWalker.forEachTensor(batch, "DataLoader", "batch", building::keep);
        return batch;
      }
    }
    B batch = await(k);
    built.remove(k);
    fillAhead();
    TensorWalker.forEachTensor(batch, "DataLoader", "batch", ScopeTransfer::adopt);
    return batch;
  }

  private B await(int k) {
    Future<B> f = ahead.pollFirst();
    double timeout = options.timeoutSeconds();
    try {
      return timeout > 0 ? f.get(timeoutNanos(timeout), TimeUnit.NANOSECONDS) : f.get();
    } catch (TimeoutException e) {
      abort();
      throw new IllegalStateException("DataLoader: timed out after " + timeout + " s waiting for"
          + " batch " + k + " of epoch " + epoch + " (dataset indices " + describe(indicesOf(k))
          + ") from the workers: a dataset's get() or the collate function is slow or blocked;"
          + " raise LoaderOptions.withTimeout, or find what blocks", e);
    } catch (ExecutionException e) {
      close();
      Throwable cause = e.getCause();
      IllegalStateException where = new IllegalStateException(
          "in a DataLoader worker, building batch " + k + " of epoch " + epoch + " (dataset"
              + " indices " + describe(indicesOf(k)) + ")");
      if (cause instanceof RuntimeException re) {
        re.addSuppressed(where);
        throw re;
      }
      if (cause instanceof Error err) {
        err.addSuppressed(where);
        throw err;
      }
      throw new IllegalStateException(where.getMessage() + ": " + cause, cause);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "BatchIterator.next: interrupted while waiting for batch " + k + " of epoch " + epoch, e);
    } catch (CancellationException e) {
      throw new NoSuchElementException("BatchIterator.next: the iterator was closed");
    }
  }

  private static long timeoutNanos(double seconds) {
    double nanos = seconds * 1e9;
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) nanos);
  }

  private void fillAhead() {
    long window = (long) options.numWorkers() * options.prefetchFactor(); // may pass 2^31
    while (!closed && ahead.size() < window && nextToSubmit < numBatches) {
      int k = nextToSubmit++;
      int[] indices = indicesOf(k);
      ahead.addLast(workers.submit(() -> {
        synchronized (handOff) {
          if (closed) {
            return null;
          }
          building++;
        }
        try (TensorScope scope = TensorScope.open()) {
          B batch = loader.build(epoch, k, indices);
          synchronized (handOff) {
            if (closed) {
              return null; // nobody will take it: the scope frees it now
            }
            TensorWalker.forEachTensor(batch, "DataLoader", "batch", scope::keep);
            built.put(k, batch); // freed by close() unless the owner takes it
            return batch;
          }
        } finally {
          synchronized (handOff) {
            building--;
            handOff.notifyAll();
          }
        }
      }));
    }
  }

  private int[] indicesOf(int k) {
    return batches[k].clone();
  }

  private static String describe(int[] indices) {
    if (indices.length <= 8) {
      return Arrays.toString(indices);
    }
    return Arrays.toString(Arrays.copyOf(indices, 8)).replace("]", ", ...]");
  }

  private void closeBatchScope() {
    if (batchScope != null) {
      TensorScope s = batchScope;
      batchScope = null;
      if (Thread.currentThread() == owner) {
        s.close();
      }
    }
  }

  /**
   * Ends the iteration: closes the current batch's scope (freeing its tensors), cancels the
   * batches not started yet, lets a worker that is building a batch finish it, frees every batch
   * built ahead, and returns once every worker thread of this iterator has ended (with {@code
   * persistentWorkers}, once no worker builds a batch of this iterator: the threads stay with
   * the loader). Workers are not interrupted, so a dataset's I/O is never cut short. Calling it
   * again does nothing.
   *
   * @throws IllegalStateException when a worker is still building a batch after {@value
   *     #CLOSE_TIMEOUT_SECONDS} seconds (a dataset whose {@code get} does not return)
   */
  @Override
  public void close() {
    if (stream != null) {
      stream.close();
      return;
    }
    if (!stop()) {
      return;
    }
    if (workers == null) {
      return;
    }
    long nanos = TimeUnit.SECONDS.toNanos(CLOSE_TIMEOUT_SECONDS);
    String stuck = null;
    if (ownsWorkers) {
      List<Thread> running = workers.shutdownAndAwait(nanos);
      if (!running.isEmpty()) {
        stuck = running.size() + " DataLoader worker(s) still building a batch of epoch " + epoch
            + " after " + CLOSE_TIMEOUT_SECONDS + " s (" + running.get(0).getName() + ")";
      }
    } else if (!awaitBuilding(nanos)) {
      stuck = "a persistent DataLoader worker is still building a batch of epoch " + epoch
          + " after " + CLOSE_TIMEOUT_SECONDS + " s";
    }
    freeBuilt();
    if (stuck != null) {
      throw new IllegalStateException("BatchIterator.close: " + stuck
          + ": the dataset's get() or the collate function does not return");
    }
  }

  /**
   * Ends the iteration without waiting for the workers (after a timeout: a worker is stuck).
   * What a stuck worker builds is freed by its own scope when it finishes.
   */
  private void abort() {
    if (stop() && workers != null) {
      if (ownsWorkers) {
        workers.shutdown();
      }
      freeBuilt();
    }
  }

  /**
   * Marks the iteration closed, closes the current batch's scope and cancels the batches not
   * started; false if it was closed already.
   */
  private boolean stop() {
    synchronized (handOff) {
      if (closed) {
        return false;
      }
      closed = true;
    }
    closeBatchScope();
    for (Future<B> f : ahead) {
      f.cancel(false);
    }
    ahead.clear();
    return true;
  }

  /** Frees the batches built and not taken; none can be added once {@link #closed} is set. */
  private void freeBuilt() {
    for (B batch : built.values()) {
      TensorWalker.forEachTensor(batch, "DataLoader", "batch",
          dev.shapetorch.tensor.Tensor::close);
    }
    built.clear();
  }

  /** Waits until no task of this iterator builds a batch, at most {@code nanos}; true if none. */
  private boolean awaitBuilding(long nanos) {
    long deadline = System.nanoTime() + nanos;
    boolean interrupted = false;
    synchronized (handOff) {
      long left;
      while (building > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          handOff.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return building == 0;
    }
  }
}

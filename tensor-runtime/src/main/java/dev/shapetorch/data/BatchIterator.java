package dev.shapetorch.data;

import dev.shapetorch.internal.TensorWalker;
import dev.shapetorch.tensor.ScopeTransfer;
import dev.shapetorch.tensor.TensorScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One epoch of a {@link DataLoader}: an iterator over its batches that owns the epoch's worker
 * threads and the current batch's scope. Closing it (or reaching the end) stops the workers,
 * frees batches built ahead and closes the current batch's scope; when it returns, no worker
 * thread of this iterator is alive.
 *
 * @param <B> the type of a batch
 */
public final class BatchIterator<B> implements Iterator<B>, AutoCloseable {

  private static final AtomicInteger POOLS = new AtomicInteger();

  /** How long {@link #close()} waits for a worker that is still building a batch. */
  static final long CLOSE_TIMEOUT_SECONDS = 60;

  private final DataLoader<B> loader;
  private final int epoch;
  private final int[][] batches;
  private final int numBatches;
  private final LoaderOptions options;
  private final Thread owner;
  private final ThreadPoolExecutor workers;
  private final ArrayDeque<Future<B>> ahead = new ArrayDeque<>();
  /** Every worker thread started and not yet seen ended; guarded by itself. */
  private final List<Thread> threads = new ArrayList<>();
  private final int pool = POOLS.incrementAndGet();
  /** The number of worker threads made so far; guarded by {@link #threads}. */
  private int workersMade;
  /** Batches a worker finished and the owner has not taken yet, by batch number. */
  private final ConcurrentHashMap<Integer, B> built = new ConcurrentHashMap<>();
  private int nextToSubmit;
  private int nextToReturn;
  private TensorScope batchScope;
  private volatile boolean closed;

  BatchIterator(DataLoader<B> loader, int epoch, int[][] batches) {
    this.loader = loader;
    this.epoch = epoch;
    this.batches = batches;
    this.options = loader.options();
    this.numBatches = batches.length;
    this.owner = Thread.currentThread();
    if (options.numWorkers() > 0 && numBatches > 0) {
      workers = new ThreadPoolExecutor(options.numWorkers(), options.numWorkers(), 1,
          TimeUnit.SECONDS, new LinkedBlockingQueue<>(), this::newWorker);
      workers.allowCoreThreadTimeOut(true);
      fillAhead();
    } else {
      workers = null;
    }
  }

  /**
   * The thread factory: daemon threads named after the pool, remembered so that {@link #close()}
   * can wait for them to end (idle workers end after a second, so ended ones are forgotten).
   */
  private Thread newWorker(Runnable r) {
    synchronized (threads) {
      threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
      Thread t = new Thread(r, "shapetorch-data-" + pool + "-worker-" + workersMade++);
      t.setDaemon(true);
      threads.add(t);
      return t;
    }
  }

  /** The epoch this iterator walks. */
  public int epoch() {
    return epoch;
  }

  /** The number of batches this epoch has (the same as the loader's {@code numBatches()}). */
  public int numBatches() {
    return numBatches;
  }

  /**
   * True while batches remain. When none remain it ends the iteration: closes the last batch's
   * scope and stops the workers.
   */
  @Override
  public boolean hasNext() {
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
    try {
      return f.get();
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

  private void fillAhead() {
    long window = (long) options.numWorkers() * options.prefetchFactor(); // may pass 2^31
    while (!closed && ahead.size() < window && nextToSubmit < numBatches) {
      int k = nextToSubmit++;
      int[] indices = indicesOf(k);
      ahead.addLast(workers.submit(() -> {
        try (TensorScope building = TensorScope.open()) {
          B batch = loader.build(epoch, k, indices);
          if (closed) {
            return null; // nobody will take it: the scope frees it now
          }
          TensorWalker.forEachTensor(batch, "DataLoader", "batch", building::keep);
          built.put(k, batch); // freed by close() unless the owner takes it
          return batch;
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
   * built ahead, and returns once every worker thread of this iterator has ended. Workers are not
   * interrupted, so a dataset's I/O is never cut short. Calling it again does nothing.
   *
   * @throws IllegalStateException when a worker is still building a batch after {@value
   *     #CLOSE_TIMEOUT_SECONDS} seconds (a dataset whose {@code get} does not return)
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeBatchScope();
    if (workers == null) {
      return;
    }
    for (Future<B> f : ahead) {
      f.cancel(false);
    }
    ahead.clear();
    workers.shutdown();
    List<Thread> running = awaitWorkers(TimeUnit.SECONDS.toNanos(CLOSE_TIMEOUT_SECONDS));
    // Every worker has ended, so no batch can be added any more: free those nobody took.
    for (B batch : built.values()) {
      TensorWalker.forEachTensor(batch, "DataLoader", "batch",
          dev.shapetorch.tensor.Tensor::close);
    }
    built.clear();
    if (!running.isEmpty()) {
      throw new IllegalStateException("BatchIterator.close: " + running.size() + " DataLoader"
          + " worker(s) still building a batch of epoch " + epoch + " after "
          + CLOSE_TIMEOUT_SECONDS + " s (" + running.get(0).getName() + "): the dataset's get()"
          + " or the collate function does not return");
    }
  }

  /**
   * Waits until the pool has terminated and each of its threads has ended, at most {@code
   * nanos}; an interrupt does not cut the wait short (it is kept for the caller). Returns the
   * threads still alive at the deadline.
   */
  private List<Thread> awaitWorkers(long nanos) {
    long deadline = System.nanoTime() + nanos;
    boolean interrupted = false;
    while (!workers.isTerminated() && deadline - System.nanoTime() > 0) {
      try {
        workers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    // A terminated pool starts no more threads, so this list is complete. Each thread has left
    // its last task, but may still be alive for a moment: join it.
    List<Thread> alive;
    synchronized (threads) {
      alive = new ArrayList<>(threads);
    }
    for (Thread t : alive) {
      long left;
      while (t.isAlive() && (left = deadline - System.nanoTime()) > 0) {
        try {
          t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    alive.removeIf(t -> !t.isAlive());
    return alive;
  }
}

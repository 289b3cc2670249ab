package dev.shapetorch.data;

import dev.shapetorch.internal.TensorWalker;
import dev.shapetorch.tensor.ScopeTransfer;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One epoch of a {@link DataLoader} over an {@link IterableDataset}, behind a {@link
 * BatchIterator}. Without workers it pulls examples from one iterator on the iterating thread.
 * With workers, each worker thread obtains its own iterator (its {@link WorkerInfo} bound) and
 * puts whole batches into a channel of its own, at most {@code prefetchFactor} ahead; the
 * iterating thread takes them round-robin by worker id, skipping workers that have ended.
 *
 * @param <B> the type of a batch
 */
final class IterableEpoch<B> {

  /** The end of a worker's batches. */
  private static final Object END = new Object();

  /** What a worker threw. */
  private record Failure(int batch, Throwable error) {}

  private final DataLoader<B> loader;
  private final int epoch;
  private final LoaderOptions options;
  private final Thread owner;
  /** The workers, or null without; the loader's when they are persistent, else this epoch's. */
  private final WorkerPool workers;
  private final boolean ownsWorkers;
  private final Channel[] channels;
  /** Workers whose channel may still give batches. */
  private final BitSet active = new BitSet();
  /** Released once every worker task has claimed its thread, or at close. */
  private final CountDownLatch started;
  /** Guards {@link #running}. */
  private final Object lock = new Object();
  /** Worker tasks of this epoch not finished yet; guarded by {@link #lock}. */
  private int running;
  /** The worker whose batch comes next. */
  private int turn;
  /** Without workers: the dataset's iterator, and the number of batches built from it. */
  private Iterator<?> source;
  private int sourceBatches;
  /** The batch {@link #hasNext()} fetched and {@link #next()} has not handed out, owned by no scope. */
  private B pending;
  private TensorScope batchScope;
  private volatile boolean closed;

  IterableEpoch(DataLoader<B> loader, int epoch, Object poolOwner) {
    this.loader = loader;
    this.epoch = epoch;
    this.options = loader.options();
    this.owner = Thread.currentThread();
    int n = options.numWorkers();
    if (n > 0) {
      ownsWorkers = !options.persistentWorkers();
      workers = ownsWorkers
          ? new WorkerPool(poolOwner, n, options.seed(), loader.iterableDataset(),
              options.workerInitFn())
          : loader.persistentWorkers();
      channels = new Channel[n];
      for (int w = 0; w < n; w++) {
        channels[w] = new Channel(options.prefetchFactor());
      }
      active.set(0, n);
      started = new CountDownLatch(n);
      synchronized (lock) {
        running = n;
      }
      for (int w = 0; w < n; w++) {
        workers.execute(this::work);
      }
    } else {
      workers = null;
      ownsWorkers = false;
      channels = new Channel[0];
      started = new CountDownLatch(0);
      source = loader.iterableDataset().iterator();
      if (source == null) {
        throw new IllegalStateException("DataLoader.iterator: the IterableDataset "
            + loader.iterableDataset() + " returned a null iterator; iterator() must return one");
      }
    }
  }

  /** A worker task: one per worker thread, for the whole epoch. */
  private void work() {
    try {
      WorkerInfo info = WorkerInfo.current();
      int id = info == null ? 0 : info.id();
      Channel out = channels[id];
      started.countDown();
      awaitStarted();
      if (closed) {
        return;
      }
      int j = 0;
      try {
        workers.initializeCurrentThread();
        Iterator<?> it = loader.iterableDataset().iterator();
        if (it == null) {
          throw new IllegalStateException("the IterableDataset " + loader.iterableDataset()
              + " returned a null iterator; iterator() must return one");
        }
        while (!closed) {
          B batch;
          try (TensorScope scope = TensorScope.open()) {
            batch = loader.buildNext(epoch, id, j, it);
            if (batch == null) {
              out.put(END, workers);
              return;
            }
            TensorWalker.forEachTensor(batch, "DataLoader", "batch", scope::keep);
          }
          j++;
          if (!out.put(batch, workers)) {
            free(batch); // closed: nobody will take it
            return;
          }
        }
      } catch (RuntimeException | Error e) {
        out.put(new Failure(j, e), workers);
      }
    } finally {
      synchronized (lock) {
        running--;
        lock.notifyAll();
      }
    }
  }

  /**
   * Waits until every worker task has its thread, so that no thread runs two of them (a
   * persistent pool's idle thread could otherwise take a second task after finishing a first).
   */
  private void awaitStarted() {
    boolean interrupted = false;
    while (true) {
      try {
        started.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    checkOwner("hasNext");
    B batch = fetch();
    if (batch == null) {
      close();
      return false;
    }
    pending = batch;
    return true;
  }

  B next() {
    checkOwner("next");
    if (!hasNext()) {
      throw new NoSuchElementException("BatchIterator.next: epoch " + epoch
          + " has no more batches (the IterableDataset's iterators have ended)");
    }
    B batch = pending;
    pending = null;
    closeBatchScope();
    if (options.scoped()) {
      batchScope = TensorScope.open();
    }
    TensorWalker.forEachTensor(batch, "DataLoader", "batch", ScopeTransfer::adopt);
    return batch;
  }

  private void checkOwner(String method) {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("BatchIterator." + method
          + ": an iterator belongs to the thread that created it (" + owner.getName() + ")");
    }
  }

  /** The next batch, owned by no scope, or null when the epoch is over. */
  private B fetch() {
    if (workers == null) {
      try (TensorScope scope = TensorScope.open()) {
        B batch = loader.buildNext(epoch, 0, sourceBatches, source);
        if (batch == null) {
          return null;
        }
        sourceBatches++;
        TensorWalker.forEachTensor(batch, "DataLoader", "batch", ScopeTransfer::release);
        return batch;
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
    }
    int n = channels.length;
    while (!active.isEmpty()) {
      int w = active.nextSetBit(turn % n);
      if (w < 0) {
        w = active.nextSetBit(0);
      }
      Object item = take(w);
      turn = w + 1;
      if (item == END) {
        active.clear(w);
        continue;
      }
      if (item instanceof Failure f) {
        close();
        Throwable cause = f.error();
        String message = "DataLoader: caught " + cause + " in worker " + w + " (of "
            + n + "), building its batch " + f.batch() + " of epoch " + epoch
            + " from the IterableDataset's iterator; the iteration is closed";
        if (cause instanceof Error err) {
          err.addSuppressed(new IllegalStateException(message));
          throw err;
        }
        throw new IllegalStateException(message, cause);
      }
      @SuppressWarnings("unchecked") // the channels carry batches, END and failures only
      B batch = (B) item;
      return batch;
    }
    return null;
  }

  /** Worker {@code w}'s next item, waiting at most the timeout. */
  private Object take(int w) {
    double timeout = options.timeoutSeconds();
    try {
      Object item = channels[w].take(timeout > 0 ? timeoutNanos(timeout) : 0);
      if (item != null) {
        return item;
      }
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("BatchIterator.next: interrupted while waiting for worker "
          + w + "'s next batch of epoch " + epoch, e);
    }
    abort();
    throw new IllegalStateException("DataLoader: timed out after " + timeout + " s waiting for"
        + " worker " + w + "'s next batch of epoch " + epoch + ": the IterableDataset's iterator"
        + " or the collate function is slow or blocked; raise LoaderOptions.withTimeout, or find"
        + " what blocks");
  }

  private static long timeoutNanos(double seconds) {
    double nanos = seconds * 1e9;
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) nanos);
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

  /** As {@link BatchIterator#close()}. */
  void close() {
    if (!stop()) {
      return;
    }
    if (workers == null) {
      return;
    }
    long nanos = TimeUnit.SECONDS.toNanos(BatchIterator.CLOSE_TIMEOUT_SECONDS);
    String stuck = null;
    if (ownsWorkers) {
      List<Thread> alive = workers.shutdownAndAwait(nanos);
      if (!alive.isEmpty()) {
        stuck = alive.size() + " DataLoader worker(s) still iterating the IterableDataset in"
            + " epoch " + epoch + " after " + BatchIterator.CLOSE_TIMEOUT_SECONDS + " s ("
            + alive.get(0).getName() + ")";
      }
    } else if (!awaitRunning(nanos)) {
      stuck = "a persistent DataLoader worker is still iterating the IterableDataset in epoch "
          + epoch + " after " + BatchIterator.CLOSE_TIMEOUT_SECONDS + " s";
    }
    drainChannels();
    if (stuck != null) {
      throw new IllegalStateException("BatchIterator.close: " + stuck
          + ": the dataset's iterator or the collate function does not return");
    }
  }

  /** Ends the iteration without waiting for the workers (after a timeout: one is stuck). */
  private void abort() {
    if (stop() && workers != null) {
      if (ownsWorkers) {
        workers.shutdown();
      }
      drainChannels();
    }
  }

  /**
   * Marks the epoch closed, closes the current batch's scope, frees the pending batch and wakes
   * the workers; false if it was closed already.
   */
  private boolean stop() {
    if (closed) {
      return false;
    }
    closed = true;
    closeBatchScope();
    if (pending != null) {
      B p = pending;
      pending = null;
      free(p);
    }
    while (started.getCount() > 0) {
      started.countDown();
    }
    for (Channel c : channels) {
      c.close();
    }
    return true;
  }

  /** Frees the batches the workers put and nobody took; none are added after close. */
  private void drainChannels() {
    for (Channel c : channels) {
      for (Object item : c.drain()) {
        if (item != END && !(item instanceof Failure)) {
          free(item);
        }
      }
    }
  }

  private static void free(Object batch) {
    TensorWalker.forEachTensor(batch, "DataLoader", "batch", Tensor::close);
  }

  /** Waits until no worker task of this epoch runs, at most {@code nanos}; true if none. */
  private boolean awaitRunning(long nanos) {
    long deadline = System.nanoTime() + nanos;
    boolean interrupted = false;
    synchronized (lock) {
      long left;
      while (running > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return running == 0;
    }
  }

  /** One worker's batches on their way to the iterating thread, at most {@code capacity}. */
  private static final class Channel {
    private final int capacity;
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private boolean closed;

    Channel(int capacity) {
      this.capacity = capacity;
    }

    /**
     * Adds an item, waiting while the channel is full; false (the item not added) once the
     * channel is closed or the pool shut down (its owner unreachable). END and failures are
     * never refused for lack of room.
     */
    synchronized boolean put(Object item, WorkerPool pool) {
      boolean batch = item != END && !(item instanceof Failure);
      boolean interrupted = false;
      while (!closed && batch && items.size() >= capacity) {
        if (pool.isShutdown()) {
          return false;
        }
        try {
          wait(1000); // wakes to see a pool shut down by its cleaner
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (closed) {
        return false;
      }
      items.addLast(item);
      notifyAll();
      return true;
    }

    /** The first item, waiting at most {@code nanos} (0: without limit); null on a timeout. */
    synchronized Object take(long nanos) throws InterruptedException {
      long deadline = System.nanoTime() + nanos;
      while (items.isEmpty()) {
        if (nanos == 0) {
          wait();
        } else {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return null;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
      Object item = items.pollFirst();
      notifyAll();
      return item;
    }

    synchronized void close() {
      closed = true;
      notifyAll();
    }

    synchronized List<Object> drain() {
      List<Object> out = new ArrayList<>(items);
      items.clear();
      return out;
    }
  }
}

package dev.shapetorch.data;

import dev.shapetorch.tensor.ScopeTransfer;
import dev.shapetorch.tensor.TensorScope;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One epoch of a {@link DataLoader}: an iterator over its batches that owns the epoch's worker
 * threads and the current batch's scope. Closing it (or reaching the end) stops the workers,
 * drops batches built ahead and closes the current batch's scope.
 *
 * @param <B> the type of a batch
 */
public final class BatchIterator<B> implements Iterator<B>, AutoCloseable {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final DataLoader<B> loader;
  private final int epoch;
  private final int[] order;
  private final int numBatches;
  private final LoaderOptions options;
  private final Thread owner;
  private final ThreadPoolExecutor workers;
  private final ArrayDeque<Future<B>> ahead = new ArrayDeque<>();
  private int nextToSubmit;
  private int nextToReturn;
  private TensorScope batchScope;
  private volatile boolean closed;

  BatchIterator(DataLoader<B> loader, int epoch, int[] order) {
    this.loader = loader;
    this.epoch = epoch;
    this.order = order;
    this.options = loader.options();
    this.numBatches = loader.numBatches();
    this.owner = Thread.currentThread();
    if (options.numWorkers() > 0 && numBatches > 0) {
      workers = new ThreadPoolExecutor(options.numWorkers(), options.numWorkers(), 1,
          TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
      workers.allowCoreThreadTimeOut(true);
      fillAhead();
    } else {
      workers = null;
    }
  }

  private static ThreadFactory daemonThreads() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "shapetorch-data-" + pool + "-worker-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
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
          "DataLoader: epoch " + epoch + " has no more batches (" + numBatches + " in all)");
    }
    closeBatchScope();
    int k = nextToReturn++;
    if (options.scoped()) {
      batchScope = TensorScope.open();
    }
    if (workers == null) {
      try (TensorScope building = TensorScope.open()) {
        B batch = loader.build(epoch, k, indicesOf(k));
        TensorWalker.forEachTensor(batch, building::keep);
        return batch;
      }
    }
    B batch = await(k);
    fillAhead();
    TensorWalker.forEachTensor(batch, ScopeTransfer::adopt);
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
          "DataLoader: interrupted while waiting for batch " + k + " of epoch " + epoch, e);
    } catch (CancellationException e) {
      throw new NoSuchElementException("DataLoader: the iterator was closed");
    }
  }

  private void fillAhead() {
    int window = options.numWorkers() * options.prefetchFactor();
    while (!closed && ahead.size() < window && nextToSubmit < numBatches) {
      int k = nextToSubmit++;
      int[] indices = indicesOf(k);
      ahead.addLast(workers.submit(() -> {
        try (TensorScope building = TensorScope.open()) {
          B batch = loader.build(epoch, k, indices);
          if (closed) {
            return null; // nobody will take it: the scope frees it now
          }
          TensorWalker.forEachTensor(batch, building::keep);
          return batch;
        }
      }));
    }
  }

  private int[] indicesOf(int k) {
    int b = options.batchSize();
    int from = k * b;
    int to = Math.min(order.length, from + b);
    return Arrays.copyOfRange(order, from, to);
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

  private static <B> void freeBuiltBatch(Future<B> f) {
    try {
      TensorWalker.forEachTensor(f.get(), dev.shapetorch.tensor.Tensor::close);
    } catch (ExecutionException | CancellationException e) {
      // the batch was never built: nothing to free
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends the iteration: closes the current batch's scope (freeing its tensors), cancels batches
   * built ahead and stops the worker threads, waiting briefly for them to finish. Calling it
   * again does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeBatchScope();
    if (workers != null) {
      for (Future<B> f : ahead) {
        if (!f.cancel(false) && f.isDone()) {
          freeBuiltBatch(f);
        }
      }
      ahead.clear();
      workers.shutdownNow();
      try {
        workers.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

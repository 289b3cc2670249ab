package dev.shapetorch.data;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The worker threads of a {@link DataLoader}: one epoch's ({@link BatchIterator} owns them) or,
 * with {@code persistentWorkers}, the loader's. Each thread is a worker with a stable id in
 * {@code [0, numWorkers)} that {@link DataLoader#getWorkerInfo()} reports, and runs the {@code
 * workerInitFn} once, before its first batch. The threads are daemons, and they are shut down
 * when the owner becomes unreachable, so an iterator left without {@code close()} does not keep
 * threads forever.
 */
final class WorkerPool {

  private static final AtomicInteger POOLS = new AtomicInteger();
  private static final Cleaner CLEANER = Cleaner.create();

  private final ThreadPoolExecutor executor;
  private final Workers workers;
  private final Cleaner.Cleanable cleanable;

  /**
   * Starts no thread yet: each starts with the first task it is given.
   *
   * @param owner the object whose unreachability shuts the pool down (never referenced by it)
   */
  WorkerPool(Object owner, int numWorkers, long seed, Object dataset,
      @Nullable IntConsumer initFn) {
    workers = new Workers("shapetorch-data-" + POOLS.incrementAndGet(), numWorkers, seed,
        dataset, initFn);
    executor = new ThreadPoolExecutor(numWorkers, numWorkers, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), workers);
    ThreadPoolExecutor e = executor;
    cleanable = CLEANER.register(owner, e::shutdown);
  }

  /** Runs {@code task} on a worker, after that worker's init function if it has not run yet. */
  <B> Future<B> submit(Callable<B> task) {
    return executor.submit(() -> {
      workers.initializeCurrentThread();
      return task.call();
    });
  }

  /**
   * Runs {@code task} on a worker as it is: unlike {@link #submit}, the task calls {@link
   * #initializeCurrentThread()} itself, so that it can report what the init function throws.
   */
  void execute(Runnable task) {
    executor.execute(task);
  }

  /** Runs the init function on the calling worker thread unless it already ran there. */
  void initializeCurrentThread() {
    workers.initializeCurrentThread();
  }

  /** True once {@link #shutdown()} was called (or the owner became unreachable). */
  boolean isShutdown() {
    return executor.isShutdown();
  }

  /** Starts no more tasks after those queued; does not wait. */
  void shutdown() {
    cleanable.clean();
  }

  /**
   * {@link #shutdown()}, then waits until every thread of the pool has ended, at most {@code
   * nanos}; an interrupt does not cut the wait short (it is kept for the caller). Returns the
   * threads still alive at the deadline.
   */
  List<Thread> shutdownAndAwait(long nanos) {
    shutdown();
    long deadline = System.nanoTime() + nanos;
    boolean interrupted = false;
    while (!executor.isTerminated() && deadline - System.nanoTime() > 0) {
      try {
        executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    // A terminated pool starts no more threads, so this list is complete. Each thread has left
    // its last task, but may still be alive for a moment: join it.
    List<Thread> alive = workers.threads();
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

  /** The thread factory; it must not reference the pool's owner (see the cleaner). */
  private static final class Workers implements ThreadFactory {
    private final String name;
    private final int numWorkers;
    private final long seed;
    private final Object dataset;
    private final @Nullable IntConsumer initFn;
    /** Guarded by itself: every thread made and not seen ended. */
    private final List<Thread> threads = new ArrayList<>();
    /** Guarded by {@link #threads}: the ids of live threads. */
    private final BitSet ids = new BitSet();
    /** Guarded by {@link #threads}: threads whose init function has run. */
    private final Set<Thread> initialized = new HashSet<>();

    Workers(String name, int numWorkers, long seed, Object dataset,
        @Nullable IntConsumer initFn) {
      this.name = name;
      this.numWorkers = numWorkers;
      this.seed = seed;
      this.dataset = dataset;
      this.initFn = initFn;
    }

    @Override
    public Thread newThread(Runnable r) {
      synchronized (threads) {
        threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        int id = ids.nextClearBit(0);
        ids.set(id);
        WorkerInfo info = new WorkerInfo(id, numWorkers, seed + id, dataset);
        Thread t = new Thread(() -> {
          info.bind();
          try {
            r.run();
          } finally {
            WorkerInfo.clear();
            synchronized (threads) {
              ids.clear(id);
              initialized.remove(Thread.currentThread());
            }
          }
        }, name + "-worker-" + id);
        t.setDaemon(true);
        threads.add(t);
        return t;
      }
    }

    /** Runs the init function on the calling worker thread unless it already ran there. */
    void initializeCurrentThread() {
      if (initFn == null) {
        return;
      }
      Thread self = Thread.currentThread();
      synchronized (threads) {
        if (initialized.contains(self)) {
          return;
        }
      }
      WorkerInfo info = WorkerInfo.current();
      int id = info == null ? -1 : info.id();
      try {
        initFn.accept(id);
      } catch (RuntimeException e) {
        throw new IllegalStateException("DataLoader: workerInitFn threw on worker " + id + ": "
            + e + "; the worker cannot build batches", e);
      }
      synchronized (threads) {
        initialized.add(self);
      }
    }

    List<Thread> threads() {
      synchronized (threads) {
        return new ArrayList<>(threads);
      }
    }
  }
}

package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The worker settings of LoaderOptions: workerInitFn, getWorkerInfo, persistentWorkers and
 * timeout. No test sleeps to let something happen: workers are held with latches, and what must
 * happen is awaited with a deadline.
 */
class LoaderWorkersTest {

  private static final long DEADLINE_SECONDS = 60;

  /** Example i is the scalar i; records the worker info each get saw, by thread. */
  private static final class Recording implements Dataset<Tensor> {
    final int n;
    final List<WorkerInfo> seen = new CopyOnWriteArrayList<>();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    Recording(int n) {
      this.n = n;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public Tensor get(int index) {
      seen.add(DataLoader.getWorkerInfo());
      threads.add(Thread.currentThread());
      return Torch.scalarTensor((long) Dataset.checkIndex(index, n));
    }
  }

  private static List<Long> epoch(Iterable<Tensor> loader) {
    List<Long> out = new ArrayList<>();
    for (Tensor batch : loader) {
      for (long v : batch.toLongArray()) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<Long> range(int n) {
    List<Long> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void workerInitFn_runsOncePerWorker_onItsThread_beforeItsBatches() {
    Recording data = new Recording(12);
    Map<Thread, List<Integer>> inits = new ConcurrentHashMap<>();
    LoaderOptions opts = LoaderOptions.batchSize(2).withNumWorkers(2)
        .withWorkerInitFn(id -> inits.computeIfAbsent(Thread.currentThread(),
            t -> new CopyOnWriteArrayList<>()).add(id));
    assertThat(epoch(DataLoader.of(data, opts))).isEqualTo(range(12));

    assertThat(inits.keySet()).containsAtLeastElementsIn(data.threads);
    Set<Integer> ids = new HashSet<>();
    for (List<Integer> perThread : inits.values()) {
      assertThat(perThread).hasSize(1);
      ids.add(perThread.get(0));
    }
    assertThat(ids).hasSize(inits.size());
    assertThat(ids).isNotEmpty();
    assertThat(Set.of(0, 1)).containsAtLeastElementsIn(ids);
    for (WorkerInfo w : data.seen) {
      assertThat(w).isNotNull();
      assertThat(w.numWorkers()).isEqualTo(2);
      assertThat(w.dataset()).isSameInstanceAs(data);
      assertThat(w.seed()).isEqualTo(w.id()); // seed 0 plus the worker's id
      assertThat(ids).contains(w.id());
    }
  }

  @Test
  void getWorkerInfo_isNull_onTheIteratingThread_andWithoutWorkers() {
    assertThat(DataLoader.getWorkerInfo()).isNull();
    Recording data = new Recording(4);
    assertThat(epoch(DataLoader.of(data, LoaderOptions.batchSize(2)))).isEqualTo(range(4));
    assertThat(data.seen).containsExactly(null, null, null, null);
  }

  @Test
  void aThrowingWorkerInitFn_isRethrownByNext_namingTheWorker() {
    LoaderOptions opts = LoaderOptions.batchSize(2).withNumWorkers(1).withWorkerInitFn(id -> {
      throw new IllegalArgumentException("no shard for " + id);
    });
    DataLoader<Tensor> loader = DataLoader.of(new Recording(4), opts);
    BatchIterator<Tensor> it = loader.iterator();
    IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
    assertThat(e).hasMessageThat().startsWith("DataLoader: workerInitFn threw on worker 0:"
        + " java.lang.IllegalArgumentException: no shard for 0");
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("no shard for 0");
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void persistentWorkers_keepTheirThreadsAcrossEpochs_initialisedOnce_untilClose() {
    Recording data = new Recording(8);
    List<Integer> inits = Collections.synchronizedList(new ArrayList<>());
    LoaderOptions opts = LoaderOptions.batchSize(2).withNumWorkers(2).withPersistentWorkers(true)
        .withWorkerInitFn(inits::add);
    DataLoader<Tensor> loader = DataLoader.of(data, opts);
    for (int e = 0; e < 3; e++) {
      assertThat(epoch(loader)).isEqualTo(range(8));
    }
    // Each worker thread ran the init function once, over all three epochs.
    assertThat(inits.size()).isEqualTo(data.threads.size());
    assertThat(new HashSet<>(inits)).hasSize(inits.size());
    assertThat(data.threads.size()).isAtMost(2);
    for (Thread t : data.threads) {
      assertThat(t.isAlive()).isTrue(); // kept between epochs
    }
    loader.close();
    for (Thread t : data.threads) {
      assertThat(t.isAlive()).isFalse();
    }
    // A closed loader starts new workers for its next epoch, and they run the init function.
    int threadsBefore = data.threads.size();
    int initsBefore = inits.size();
    assertThat(epoch(loader)).isEqualTo(range(8));
    assertThat(data.threads.size()).isGreaterThan(threadsBefore);
    assertThat(inits.size() - initsBefore).isEqualTo(data.threads.size() - threadsBefore);
    loader.close();
  }

  @Test
  void withoutPersistentWorkers_eachEpochStartsAndEndsItsOwnWorkers() {
    Recording data = new Recording(4);
    List<Integer> inits = Collections.synchronizedList(new ArrayList<>());
    LoaderOptions opts =
        LoaderOptions.batchSize(2).withNumWorkers(1).withWorkerInitFn(inits::add);
    DataLoader<Tensor> loader = DataLoader.of(data, opts);
    assertThat(epoch(loader)).isEqualTo(range(4));
    assertThat(epoch(loader)).isEqualTo(range(4));
    assertThat(inits).containsExactly(0, 0);
    assertThat(data.threads).hasSize(2);
    for (Thread t : data.threads) {
      assertThat(t.isAlive()).isFalse();
    }
  }

  @Test
  void persistentWorkers_withoutWorkers_areRefused_andTimeoutMustNotBeNegative() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.of(new Recording(2), LoaderOptions.DEFAULTS.withPersistentWorkers(true)));
    assertThat(e).hasMessageThat().startsWith("DataLoader: persistentWorkers needs numWorkers > 0");
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> LoaderOptions.DEFAULTS.withTimeout(-1));
    assertThat(t).hasMessageThat().isEqualTo(
        "LoaderOptions: timeoutSeconds must be >= 0 (0 waits without limit), got -1.0");
    assertThrows(IllegalArgumentException.class, () -> LoaderOptions.DEFAULTS.withTimeout(Double.NaN));
    // The order of the withX calls does not matter.
    LoaderOptions ok = LoaderOptions.DEFAULTS.withPersistentWorkers(true).withNumWorkers(1);
    DataLoader<Tensor> loader = DataLoader.of(new Recording(2), ok);
    assertThat(epoch(loader)).isEqualTo(range(2));
    loader.close();
  }

  @Test
  void timeout_givesUpOnABatchAWorkerDoesNotFinish_namingIt() {
    CountDownLatch release = new CountDownLatch(1);
    Dataset<Tensor> blocking = new Dataset<>() {
      @Override
      public int size() {
        return 2;
      }

      @Override
      public Tensor get(int index) {
        try {
          if (!release.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the worker");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Torch.scalarTensor((long) index);
      }
    };
    LoaderOptions opts = LoaderOptions.batchSize(1).withNumWorkers(1).withTimeout(0.05);
    BatchIterator<Tensor> it = DataLoader.of(blocking, opts).iterator();
    IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
    assertThat(e).hasMessageThat().startsWith("DataLoader: timed out after 0.05 s waiting for"
        + " batch 0 of epoch 0 (dataset indices [0]) from the workers");
    assertThat(it.hasNext()).isFalse();
    release.countDown();
    waitUntil(() -> noWorkerAlive(), "the released worker thread ends");
  }

  private static boolean noWorkerAlive() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("shapetorch-data-")
          && t.getState() != Thread.State.TERMINATED && isOurs(t)) {
        return false;
      }
    }
    return true;
  }

  /** A worker blocked in this test's dataset (other tests' workers have ended before). */
  private static boolean isOurs(Thread t) {
    for (StackTraceElement f : t.getStackTrace()) {
      if (f.getClassName().startsWith(LoaderWorkersTest.class.getName())) {
        return true;
      }
    }
    return false;
  }

  private static void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + DEADLINE_SECONDS + " s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }
}

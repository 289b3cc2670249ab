package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Batching, order, shuffling, workers, shutdown and memory of DataLoader. Tests of the worker
 * threads never sleep to let something happen: they hold the workers with a gate or wait with a
 * deadline for what must happen.
 */
class DataLoaderTest {

  /** How long a test waits for something that must happen, on however loaded a machine. */
  private static final long DEADLINE_SECONDS = 60;

  /**
   * Example i is the scalar tensor i (int64); counts how many examples were fetched. Examples from
   * {@code gatedFrom} on wait for {@code gate} to open (so that workers stay busy while a test
   * looks at them).
   */
  private static final class Counting implements Dataset<Tensor> {
    final int n;
    final AtomicInteger fetched = new AtomicInteger();
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger atGate = new AtomicInteger();
    final int gatedFrom;

    Counting(int n) {
      this(n, Integer.MAX_VALUE);
    }

    Counting(int n, int gatedFrom) {
      this.n = n;
      this.gatedFrom = gatedFrom;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public Tensor get(int index) {
      if (index >= gatedFrom) {
        awaitGate();
      }
      fetched.incrementAndGet();
      return Torch.scalarTensor((long) Dataset.checkIndex(index, n));
    }

    private void awaitGate() {
      atGate.incrementAndGet();
      boolean interrupted = false;
      try {
        while (true) {
          try {
            if (!gate.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the test never opened the gate");
            }
            return;
          } catch (InterruptedException e) {
            interrupted = true; // a worker is not to be interrupted: see close()
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static List<long[]> epoch(DataLoader<Tensor> loader) {
    List<long[]> out = new ArrayList<>();
    for (Tensor batch : loader) {
      out.add(batch.toLongArray());
    }
    return out;
  }

  private static long[] flatten(List<long[]> batches) {
    return batches.stream().flatMapToLong(Arrays::stream).toArray();
  }

  @Test
  void unshuffled_visitsExamplesInOrder_withASmallerLastBatch() {
    DataLoader<Tensor> loader = DataLoader.of(new Counting(10), LoaderOptions.batchSize(4));
    assertThat(loader.numBatches()).isEqualTo(3);
    List<long[]> batches = epoch(loader);
    assertThat(batches).hasSize(3);
    assertThat(batches.get(0)).isEqualTo(new long[] {0, 1, 2, 3});
    assertThat(batches.get(2)).isEqualTo(new long[] {8, 9});
  }

  @Test
  void dropLast_dropsTheSmallerBatch() {
    DataLoader<Tensor> loader =
        DataLoader.of(new Counting(10), LoaderOptions.batchSize(4).withDropLast(true));
    assertThat(loader.numBatches()).isEqualTo(2);
    assertThat(flatten(epoch(loader))).isEqualTo(new long[] {0, 1, 2, 3, 4, 5, 6, 7});
  }

  @Test
  void shuffle_isAPermutationPerEpoch_reproducibleFromTheSeed() {
    LoaderOptions opts = LoaderOptions.batchSize(3).withShuffle(true).withSeed(11);
    DataLoader<Tensor> a = DataLoader.of(new Counting(20), opts);
    long[] e0 = flatten(epoch(a));
    long[] e1 = flatten(epoch(a));
    long[] sorted = e0.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(java.util.stream.LongStream.range(0, 20).toArray());
    assertThat(e0).isNotEqualTo(java.util.stream.LongStream.range(0, 20).toArray());
    assertThat(e1).isNotEqualTo(e0);
    DataLoader<Tensor> b = DataLoader.of(new Counting(20), opts);
    assertThat(flatten(epoch(b))).isEqualTo(e0);
    assertThat(flatten(epoch(b))).isEqualTo(e1);
  }

  @Test
  void iteratorOfAnEpoch_replaysThatEpoch() {
    LoaderOptions opts = LoaderOptions.batchSize(5).withShuffle(true).withSeed(3);
    DataLoader<Tensor> loader = DataLoader.of(new Counting(15), opts);
    long[] e0 = flatten(epoch(loader));
    List<long[]> replay = new ArrayList<>();
    try (BatchIterator<Tensor> it = loader.iterator(0)) {
      it.forEachRemaining(t -> replay.add(t.toLongArray()));
    }
    assertThat(flatten(replay)).isEqualTo(e0);
  }

  @Test
  void workers_giveTheSameBatchesInTheSameOrder() {
    LoaderOptions opts = LoaderOptions.batchSize(4).withShuffle(true).withSeed(5);
    long[] plain = flatten(epoch(DataLoader.of(new Counting(37), opts)));
    long[] threaded =
        flatten(epoch(DataLoader.of(new Counting(37), opts.withNumWorkers(3).withPrefetchFactor(1))));
    assertThat(threaded).isEqualTo(plain);
  }

  @Test
  void randomTransforms_drawTheSameNumbers_withOrWithoutWorkers() {
    Dataset<Tensor> noisy = new Counting(12)
        .map(t -> t.add(SampleRandom.current().nextLong(1000) * 100L));
    LoaderOptions opts = LoaderOptions.batchSize(3).withSeed(9);
    long[] plain = flatten(epoch(DataLoader.of(noisy, opts)));
    long[] threaded = flatten(epoch(DataLoader.of(noisy, opts.withNumWorkers(2))));
    assertThat(threaded).isEqualTo(plain);
    long[] otherSeed = flatten(epoch(DataLoader.of(noisy, opts.withSeed(10))));
    assertThat(otherSeed).isNotEqualTo(plain);
  }

  @Test
  void prefetch_fillsTheWindow_andNoMore() {
    Counting data = new Counting(100);
    LoaderOptions opts = LoaderOptions.batchSize(2).withNumWorkers(1).withPrefetchFactor(2);
    BatchIterator<Tensor> it = DataLoader.of(data, opts).iterator();
    it.next();
    // the batch handed out, plus numWorkers * prefetchFactor = 2 built ahead: 3 batches of 2
    waitUntil(() -> data.fetched.get() >= 2 * (1 + 2), "the workers fill the prefetch window");
    it.close(); // returns once the workers have ended: nothing is fetched after it
    assertThat(data.fetched.get()).isEqualTo(2 * (1 + 2));
  }

  @Test
  void close_stopsTheWorkerThreads() {
    Set<Thread> before = workerThreads();
    Counting data = new Counting(50, 1); // batch 0 comes at once, the others wait at the gate
    BatchIterator<Tensor> it =
        DataLoader.of(data, LoaderOptions.batchSize(1).withNumWorkers(2)).iterator();
    it.next();
    Set<Thread> mine = workerThreads();
    mine.removeAll(before);
    assertThat(mine).hasSize(2); // both are building a batch: alive
    data.gate.countDown();
    it.close();
    assertThat(alive(mine)).isEmpty();
    assertThat(it.hasNext()).isFalse();
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void close_letsTheBatchesBeingBuiltFinish_beforeItReturns() throws Exception {
    Set<Thread> before = workerThreads();
    Counting data = new Counting(50, 1);
    BatchIterator<Tensor> it =
        DataLoader.of(data, LoaderOptions.batchSize(1).withNumWorkers(2)).iterator();
    it.next();
    waitUntil(() -> data.atGate.get() == 2, "both workers start a batch and wait at the gate");
    Set<Thread> mine = workerThreads();
    mine.removeAll(before);
    // Opens the gate once close() blocks waiting for the workers.
    Thread owner = Thread.currentThread();
    AtomicBoolean opened = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    Thread opener = new Thread(() -> {
      while (!stop.get()) {
        if (waitsInClose(owner)) {
          opened.set(true);
          data.gate.countDown();
          return;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }, "gate-opener");
    opener.start();
    it.close();
    boolean openedBeforeCloseReturned = opened.get();
    stop.set(true);
    data.gate.countDown();
    opener.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    assertThat(openedBeforeCloseReturned).isTrue();
    assertThat(alive(mine)).isEmpty();
    assertThat(data.fetched.get()).isEqualTo(1 + 2); // the two builds ran to the end, no more
  }

  @Test
  void aFailingWorker_rethrowsItsException_namingTheBatch() {
    Set<Thread> before = workerThreads();
    Dataset<Tensor> failing = new Counting(8).map(t -> {
      if (t.itemLong() == 5) {
        throw new IllegalArgumentException("bad example 5");
      }
      return t;
    });
    DataLoader<Tensor> loader = DataLoader.of(failing, LoaderOptions.batchSize(2).withNumWorkers(2));
    BatchIterator<Tensor> it = loader.iterator();
    it.next();
    it.next();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, it::next);
    assertThat(e).hasMessageThat().isEqualTo("bad example 5");
    assertThat(e.getSuppressed()[0]).hasMessageThat()
        .isEqualTo("in a DataLoader worker, building batch 2 of epoch 0 (dataset indices [4, 5])");
    Set<Thread> mine = workerThreads();
    mine.removeAll(before);
    assertThat(mine).isEmpty(); // next() closed the iterator: its workers have ended
  }

  @Test
  void scopedBatches_freeEachStepsTensors_atTheNextBatch() {
    for (int workers : new int[] {0, 2}) {
      List<Tensor> batches = new ArrayList<>();
      List<Tensor> madeInSteps = new ArrayList<>();
      try (TensorScope outer = TensorScope.open()) {
        for (Tensor batch : DataLoader.of(new Counting(9), LoaderOptions.batchSize(3).withNumWorkers(workers))) {
          if (!batches.isEmpty()) {
            assertThat(batches.get(batches.size() - 1).isFreed()).isTrue();
            assertThat(madeInSteps.get(madeInSteps.size() - 1).isFreed()).isTrue();
          }
          batches.add(batch);
          madeInSteps.add(batch.mul(2L));
        }
        assertThat(batches.get(2).isFreed()).isTrue();
        assertThat(madeInSteps.get(2).isFreed()).isTrue();
        assertThat(outer.liveCount()).isEqualTo(0);
      }
    }
  }

  @Test
  void unscopedBatches_belongToTheCallersScope() {
    List<Tensor> batches = new ArrayList<>();
    try (TensorScope outer = TensorScope.open()) {
      for (Tensor batch : DataLoader.of(new Counting(4),
          LoaderOptions.batchSize(2).withScoped(false).withNumWorkers(1))) {
        batches.add(batch);
      }
      assertThat(batches.get(0).isFreed()).isFalse();
      assertThat(outer.liveCount()).isEqualTo(2);
    }
    assertThat(batches.get(0).isFreed()).isTrue();
    assertThat(batches.get(1).isFreed()).isTrue();
  }

  @Test
  void customCollate_receivesTheExamplesOfEachBatch() {
    DataLoader<Long> sums = DataLoader.of(new Counting(7),
        (List<Tensor> ex) -> ex.stream().mapToLong(Tensor::itemLong).sum(),
        LoaderOptions.batchSize(3));
    List<Long> out = new ArrayList<>();
    sums.forEach(out::add);
    assertThat(out).containsExactly(3L, 12L, 6L).inOrder();
  }

  @Test
  void optionsRejectNonsense() {
    assertThrows(IllegalArgumentException.class, () -> LoaderOptions.batchSize(0));
    assertThrows(IllegalArgumentException.class, () -> LoaderOptions.DEFAULTS.withNumWorkers(-1));
    assertThrows(IllegalArgumentException.class, () -> LoaderOptions.DEFAULTS.withPrefetchFactor(0));
  }

  /** The DataLoader worker threads alive now (of any loader: compare with a set taken before). */
  private static Set<Thread> workerThreads() {
    Set<Thread> found = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("shapetorch-data-")) {
        found.add(t);
      }
    }
    return found;
  }

  private static List<String> alive(Set<Thread> threads) {
    List<String> names = new ArrayList<>();
    for (Thread t : threads) {
      if (t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }

  /** Polls {@code condition} until it holds, failing after {@link #DEADLINE_SECONDS}. */
  private static void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + DEADLINE_SECONDS + " s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** True while {@code t} is blocked inside {@link BatchIterator#close()}. */
  private static boolean waitsInClose(Thread t) {
    Thread.State s = t.getState();
    if (s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING) {
      return false;
    }
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().equals(BatchIterator.class.getName())
          && e.getMethodName().equals("close")) {
        return true;
      }
    }
    return false;
  }
}

package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Batching, order, shuffling, workers, shutdown and memory of DataLoader. */
class DataLoaderTest {

  /** Example i is the scalar tensor i (int64); counts how many examples were fetched. */
  private static final class Counting implements Dataset<Tensor> {
    final int n;
    final AtomicInteger fetched = new AtomicInteger();

    Counting(int n) {
      this.n = n;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public Tensor get(int index) {
      fetched.incrementAndGet();
      return Torch.scalarTensor((long) Dataset.checkIndex(index, n));
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
  void prefetch_isBounded() throws Exception {
    Counting data = new Counting(100);
    LoaderOptions opts = LoaderOptions.batchSize(2).withNumWorkers(1).withPrefetchFactor(2);
    try (BatchIterator<Tensor> it = DataLoader.of(data, opts).iterator()) {
      it.next();
      Thread.sleep(200);
      // the batch handed out, plus at most numWorkers * prefetchFactor = 2 built ahead
      assertThat(data.fetched.get()).isAtMost(2 * (1 + 2));
    }
  }

  @Test
  void close_stopsTheWorkerThreads() {
    LoaderOptions opts = LoaderOptions.batchSize(1).withNumWorkers(2);
    BatchIterator<Tensor> it = DataLoader.of(new Counting(50), opts).iterator();
    it.next();
    assertThat(workerThreads()).isNotEmpty();
    it.close();
    assertThat(workerThreads()).isEmpty();
    assertThat(it.hasNext()).isFalse();
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void aFailingWorker_rethrowsItsException_namingTheBatch() {
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
    assertThat(workerThreads()).isEmpty();
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

  private static List<String> workerThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("shapetorch-data-")) {
        names.add(t.getName());
      }
    }
    return names;
  }
}

package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DataLoader over an IterableDataset: which examples come out, in which order, with and without
 * workers and sharding by WorkerInfo; ChainDataset; the refused options; worker failures. The
 * order with workers is deterministic (round-robin by worker id), so exact lists are asserted.
 * Timeouts only guard against hangs.
 */
class IterableLoaderTest {

  /** How a {@link Range} splits itself between workers. */
  enum Sharding { NONE, CONTIGUOUS, STRIDED }

  /**
   * The scalars {@code offset + i} for {@code i} in {@code [0, n)}, split between workers as
   * asked; records the worker info and thread of each iterator() call.
   */
  static final class Range implements IterableDataset<Tensor> {
    final int n;
    final long offset;
    final Sharding sharding;
    final List<WorkerInfo> infos = new CopyOnWriteArrayList<>();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger iterators = new AtomicInteger();

    Range(int n, Sharding sharding) {
      this(n, 0, sharding);
    }

    Range(int n, long offset, Sharding sharding) {
      this.n = n;
      this.offset = offset;
      this.sharding = sharding;
    }

    @Override
    public Iterator<Tensor> iterator() {
      iterators.incrementAndGet();
      threads.add(Thread.currentThread());
      WorkerInfo w = DataLoader.getWorkerInfo();
      if (w != null) {
        infos.add(w);
      }
      IntStream values = IntStream.range(0, n);
      if (w != null && sharding == Sharding.CONTIGUOUS) {
        int per = (n + w.numWorkers() - 1) / w.numWorkers();
        int start = Math.min(n, w.id() * per);
        values = IntStream.range(start, Math.min(n, start + per));
      } else if (w != null && sharding == Sharding.STRIDED) {
        values = values.filter(i -> i % w.numWorkers() == w.id());
      }
      return values.mapToObj(i -> Torch.scalarTensor(offset + i)).iterator();
    }
  }

  /** The batches of one epoch, as lists of values. */
  private static List<List<Long>> epoch(Iterable<Tensor> loader) {
    List<List<Long>> out = new ArrayList<>();
    for (Tensor batch : loader) {
      List<Long> values = new ArrayList<>();
      for (long v : batch.toLongArray()) {
        values.add(v);
      }
      out.add(values);
    }
    return out;
  }

  @Test
  void noWorkers_batchesConsecutiveExamples_onTheCallingThread_lastBatchShort() {
    Range data = new Range(10, Sharding.NONE);
    var loader = DataLoader.of(data, LoaderOptions.batchSize(4));
    assertThat(epoch(loader))
        .containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L, 7L), List.of(8L, 9L))
        .inOrder();
    assertThat(data.threads).containsExactly(Thread.currentThread());
    assertThat(data.infos).isEmpty(); // getWorkerInfo() is null without workers
    assertThat(loader.iterableDataset()).isSameInstanceAs(data);
    assertThat(loader.dataset()).isNull();
    // A second epoch asks for a new iterator.
    assertThat(epoch(loader)).hasSize(3);
    assertThat(data.iterators.get()).isEqualTo(2);
  }

  @Test
  void noWorkers_dropLast_dropsTheShortBatch() {
    var loader = DataLoader.of(new Range(10, Sharding.NONE),
        LoaderOptions.batchSize(4).withDropLast(true));
    assertThat(epoch(loader))
        .containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L, 7L)).inOrder();
    var exact = DataLoader.of(new Range(8, Sharding.NONE),
        LoaderOptions.batchSize(4).withDropLast(true));
    assertThat(epoch(exact)).hasSize(2);
    assertThat(epoch(DataLoader.of(new Range(0, Sharding.NONE), LoaderOptions.batchSize(4))))
        .isEmpty();
  }

  @Test
  void noWorkers_customCollate_seesTheExamplesInOrder() {
    Collate<Tensor, String> names = examples -> {
      StringBuilder sb = new StringBuilder();
      for (Tensor t : examples) {
        sb.append(t.toLongArray()[0]);
      }
      return sb.toString();
    };
    List<String> out = new ArrayList<>();
    for (String s : DataLoader.of(new Range(7, Sharding.NONE), names,
        LoaderOptions.batchSize(3))) {
      out.add(s);
    }
    assertThat(out).containsExactly("012", "345", "6").inOrder();
  }

  @Test
  void noWorkers_eachBatchLivesUntilTheNextIsAskedFor() {
    try (TensorScope outer = TensorScope.open()) {
      try (BatchIterator<Tensor> it =
          DataLoader.of(new Range(6, Sharding.NONE), LoaderOptions.batchSize(2)).iterator()) {
        Tensor first = it.next();
        assertThat(it.hasNext()).isTrue(); // builds the next batch; the first must survive it
        assertThat(first.isFreed()).isFalse();
        assertThat(first.toLongArray()).asList().containsExactly(0L, 1L).inOrder();
        Tensor second = it.next();
        assertThat(first.isFreed()).isTrue();
        assertThat(second.toLongArray()).asList().containsExactly(2L, 3L).inOrder();
      }
      assertThat(outer.liveCount()).isEqualTo(0);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only
  void workers_withoutSharding_yieldEachExampleOncePerWorker_roundRobin() {
    Range data = new Range(5, Sharding.NONE);
    var loader = DataLoader.of(data, LoaderOptions.batchSize(2).withNumWorkers(2));
    assertThat(epoch(loader)).containsExactly(
        List.of(0L, 1L), List.of(0L, 1L), List.of(2L, 3L), List.of(2L, 3L),
        List.of(4L), List.of(4L)).inOrder();
    assertThat(data.iterators.get()).isEqualTo(2);
    assertThat(data.threads).doesNotContain(Thread.currentThread());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void workers_shardedContiguously_roundRobin_skippingExhaustedWorkers() {
    Range data = new Range(10, Sharding.CONTIGUOUS);
    // Worker 0 has [0, 4), worker 1 [4, 8), worker 2 [8, 10).
    var loader = DataLoader.of(data, LoaderOptions.batchSize(2).withNumWorkers(3));
    assertThat(epoch(loader)).containsExactly(
        List.of(0L, 1L), List.of(4L, 5L), List.of(8L, 9L),
        List.of(2L, 3L), List.of(6L, 7L)).inOrder();
    assertThat(data.infos).hasSize(3);
    Set<Integer> ids = ConcurrentHashMap.newKeySet();
    for (WorkerInfo w : data.infos) {
      ids.add(w.id());
      assertThat(w.numWorkers()).isEqualTo(3);
      assertThat(w.dataset()).isSameInstanceAs(data);
      assertThat(w.seed()).isEqualTo((long) w.id()); // the loader's seed 0 plus the id
    }
    assertThat(ids).containsExactly(0, 1, 2);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void workers_shardedByStride_lastShortBatches_andDropLast() {
    // Worker 0 has 0, 2, 4, 6, 8, 10; worker 1 has 1, 3, 5, 7, 9.
    LoaderOptions opts = LoaderOptions.batchSize(3).withNumWorkers(2);
    assertThat(epoch(DataLoader.of(new Range(11, Sharding.STRIDED), opts))).containsExactly(
        List.of(0L, 2L, 4L), List.of(1L, 3L, 5L), List.of(6L, 8L, 10L), List.of(7L, 9L))
        .inOrder();
    assertThat(epoch(DataLoader.of(new Range(11, Sharding.STRIDED), opts.withDropLast(true))))
        .containsExactly(List.of(0L, 2L, 4L), List.of(1L, 3L, 5L), List.of(6L, 8L, 10L))
        .inOrder();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void workers_prefetchFactorOne_manyBatches_allArriveInOrder() {
    var loader = DataLoader.of(new Range(40, Sharding.CONTIGUOUS),
        LoaderOptions.batchSize(1).withNumWorkers(2).withPrefetchFactor(1));
    List<Long> values = new ArrayList<>();
    for (List<Long> b : epoch(loader)) {
      values.addAll(b);
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 20; i++) {
      expected.add(i);
      expected.add(20 + i);
    }
    assertThat(values).isEqualTo(expected);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void workerInitFn_runsBeforeTheIterator_onTheWorkersThread_onceWithPersistentWorkers() {
    Range data = new Range(6, Sharding.STRIDED);
    Set<Thread> initialized = ConcurrentHashMap.newKeySet();
    List<Integer> initIds = new CopyOnWriteArrayList<>();
    List<Boolean> initBeforeIterator = new CopyOnWriteArrayList<>();
    IterableDataset<Tensor> checked = () -> {
      initBeforeIterator.add(initialized.contains(Thread.currentThread()));
      return data.iterator();
    };
    LoaderOptions opts = LoaderOptions.batchSize(2).withNumWorkers(2)
        .withPersistentWorkers(true).withWorkerInitFn(id -> {
          initIds.add(id);
          initialized.add(Thread.currentThread());
        });
    try (DataLoader<Tensor> loader = DataLoader.of(checked, opts)) {
      List<List<Long>> expected = List.of(List.of(0L, 2L), List.of(1L, 3L), List.of(4L),
          List.of(5L));
      assertThat(epoch(loader)).isEqualTo(expected);
      assertThat(epoch(loader)).isEqualTo(expected);
    }
    assertThat(initIds).containsExactly(0, 1);
    assertThat(initBeforeIterator).containsExactly(true, true, true, true);
    assertThat(data.iterators.get()).isEqualTo(4); // each worker, each epoch
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only
  void persistentWorkers_aNewEpochEndsAnAbandonedOne() {
    Range data = new Range(20, Sharding.STRIDED);
    try (DataLoader<Tensor> loader = DataLoader.of(data,
        LoaderOptions.batchSize(2).withNumWorkers(2).withPersistentWorkers(true)
            .withPrefetchFactor(1))) {
      BatchIterator<Tensor> abandoned = loader.iterator();
      assertThat(abandoned.next().toLongArray()).asList().containsExactly(0L, 2L).inOrder();
      // Not closed: the next epoch must not wait for its workers.
      List<List<Long>> second = epoch(loader);
      assertThat(second).hasSize(10);
      assertThat(second.get(0)).containsExactly(0L, 2L).inOrder();
      assertThat(second.get(1)).containsExactly(1L, 3L).inOrder();
      assertThat(abandoned.hasNext()).isFalse();
    }
  }

  @Test
  void chainDataset_iteratesEachDatasetInTurn() {
    Range a = new Range(3, 0, Sharding.NONE);
    Range empty = new Range(0, 100, Sharding.NONE);
    Range b = new Range(2, 10, Sharding.NONE);
    ChainDataset<Tensor> chain = ChainDataset.of(a, empty, b);
    assertThat(chain.datasets()).containsExactly(a, empty, b).inOrder();
    Iterator<Tensor> it = chain.iterator();
    assertThat(it.next().toLongArray()[0]).isEqualTo(0L);
    assertThat(b.iterators.get()).isEqualTo(0); // asked for only when its turn comes
    assertThat(epoch(DataLoader.of(chain, LoaderOptions.batchSize(2))))
        .containsExactly(List.of(0L, 1L), List.of(2L, 10L), List.of(11L)).inOrder();
    assertThat(ChainDataset.<Tensor>of().iterator().hasNext()).isFalse();
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> ChainDataset.<Tensor>of().iterator().next());
    assertThat(e).hasMessageThat().contains("ChainDataset");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void chainDataset_inWorkers_eachPartShardsItself() {
    ChainDataset<Tensor> chain = ChainDataset.of(new Range(4, 0, Sharding.STRIDED),
        new Range(2, 10, Sharding.STRIDED));
    // Worker 0: 0, 2, 10; worker 1: 1, 3, 11.
    assertThat(epoch(DataLoader.of(chain, LoaderOptions.batchSize(2).withNumWorkers(2))))
        .containsExactly(List.of(0L, 2L), List.of(1L, 3L), List.of(10L), List.of(11L))
        .inOrder();
  }

  @Test
  void mapStyleOptions_areRefused_asPyTorchDoes() {
    Range data = new Range(4, Sharding.NONE);
    IllegalArgumentException shuffle = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.of(data, LoaderOptions.batchSize(2).withShuffle(true)));
    assertThat(shuffle).hasMessageThat().startsWith("DataLoader with IterableDataset: expected"
        + " unspecified shuffle option, but got shuffle=true");
    IllegalArgumentException sampler = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.of(data, LoaderOptions.batchSize(2)
            .withSampler(new SequentialSampler(4))));
    assertThat(sampler).hasMessageThat().startsWith("DataLoader with IterableDataset: expected"
        + " unspecified sampler option, but got sampler=");
    IllegalArgumentException batchSampler = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.of(data, LoaderOptions.DEFAULTS
            .withBatchSampler(new BatchSampler(new SequentialSampler(4), 2, false))));
    assertThat(batchSampler).hasMessageThat().startsWith("DataLoader with IterableDataset:"
        + " expected unspecified batchSampler option, but got batchSampler=");
    IllegalArgumentException persistent = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.of(data, LoaderOptions.batchSize(2).withPersistentWorkers(true)));
    assertThat(persistent).hasMessageThat().contains("persistentWorkers needs numWorkers > 0");
    IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.of(data, LoaderOptions.batchSize(2).withNumWorkers(Integer.MAX_VALUE)));
    assertThat(threads).hasMessageThat().startsWith("DataLoader with IterableDataset:"
        + " numWorkers 2147483647 would start as many threads");
    UnsupportedOperationException size = assertThrows(UnsupportedOperationException.class,
        () -> DataLoader.of(data, LoaderOptions.batchSize(2)).numBatches());
    assertThat(size).hasMessageThat().startsWith("DataLoader.numBatches: an IterableDataset");
    IllegalArgumentException nullData = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.of((IterableDataset<Tensor>) null, LoaderOptions.batchSize(2)));
    assertThat(nullData).hasMessageThat().startsWith("DataLoader.of: dataset is null");
  }

  /** Both a map-style and an iterable dataset, which ConcatDataset must refuse. */
  private static final class Both implements Dataset<Tensor>, IterableDataset<Tensor> {
    @Override
    public int size() {
      return 1;
    }

    @Override
    public Tensor get(int index) {
      return Torch.scalarTensor(0L);
    }

    @Override
    public Iterator<Tensor> iterator() {
      return List.of(Torch.scalarTensor(0L)).iterator();
    }
  }

  @Test
  void concatDataset_refusesAnIterableDataset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ConcatDataset<Tensor>(List.<Dataset<Tensor>>of(
            new TensorDataset(Torch.randn(2)).map(l -> l.get(0)), new Both())));
    assertThat(e).hasMessageThat()
        .startsWith("ConcatDataset does not support IterableDataset: dataset 1");
  }

  /** Worker {@code failingWorker}'s iterator throws after {@code okExamples} examples. */
  private static IterableDataset<Tensor> failing(int failingWorker, int okExamples,
      Set<Thread> threads) {
    return () -> {
      threads.add(Thread.currentThread());
      WorkerInfo w = DataLoader.getWorkerInfo();
      int id = w == null ? 0 : w.id();
      return new Iterator<>() {
        int i;

        @Override
        public boolean hasNext() {
          return true; // endless, except for the failure
        }

        @Override
        public Tensor next() {
          if (id == failingWorker && i == okExamples) {
            throw new ArithmeticException("bad record " + i);
          }
          return Torch.scalarTensor((long) i++);
        }
      };
    };
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only
  void anIteratorExceptionInAWorker_reachesTheCaller_namingTheWorker_andEndsTheThreads() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    var loader = DataLoader.of(failing(1, 3, threads),
        LoaderOptions.batchSize(2).withNumWorkers(2));
    BatchIterator<Tensor> it = loader.iterator();
    // Worker 1's first batch is fine, its second fails: worker 0, 1, 0, then the failure.
    it.next();
    it.next();
    it.next();
    IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
    assertThat(e).hasMessageThat().contains("in worker 1 ");
    assertThat(e).hasMessageThat().contains("building its batch 1 of epoch 0");
    assertThat(e).hasCauseThat().isInstanceOf(ArithmeticException.class);
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("bad record 3");
    assertThat(threads).hasSize(2);
    for (Thread t : threads) {
      assertThat(t.isAlive()).isFalse(); // the iterator closed itself and ended its workers
    }
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anExceptionFromIteratorItself_inAWorker_reachesTheCaller() {
    IterableDataset<Tensor> broken = () -> {
      throw new IllegalStateException("cannot open shard " + DataLoader.getWorkerInfo().id());
    };
    var loader = DataLoader.of(broken, LoaderOptions.batchSize(2).withNumWorkers(2));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> epoch(loader));
    assertThat(e).hasMessageThat().contains("in worker 0 ");
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("cannot open shard 0");
  }

  @Test
  void anIteratorExceptionWithoutWorkers_isThrownAsItIs() {
    var loader = DataLoader.of(failing(0, 3, ConcurrentHashMap.newKeySet()),
        LoaderOptions.batchSize(2));
    BatchIterator<Tensor> it = loader.iterator();
    it.next();
    ArithmeticException e = assertThrows(ArithmeticException.class, it::next);
    assertThat(e).hasMessageThat().isEqualTo("bad record 3");
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void closingEarly_endsEndlessWorkers() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    var loader = DataLoader.of(failing(-1, 0, threads),
        LoaderOptions.batchSize(2).withNumWorkers(3));
    try (BatchIterator<Tensor> it = loader.iterator()) {
      for (int k = 0; k < 7; k++) {
        it.next();
      }
    }
    assertThat(threads).hasSize(3);
    for (Thread t : threads) {
      assertThat(t.isAlive()).isFalse();
    }
  }
}

package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Cuda;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * LoaderOptions.pinMemory: the option, the loader without CUDA (one warning per loader, ordinary
 * batches) and, where CUDA is available, pinned batches.
 */
class PinMemoryLoaderTest {

  static boolean noCuda() {
    return !Cuda.isAvailable();
  }

  /** Collects the records of the loader's logger while open. */
  private static final class Capture extends Handler implements AutoCloseable {
    // Held here so that java.util.logging keeps the logger (and this handler) alive.
    private final Logger logger = Logger.getLogger("dev.shapetorch.data");
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    Capture() {
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }

    long pinWarnings() {
      return records.stream()
          .filter(r -> r.getLevel() == Level.WARNING)
          .filter(r -> r.getMessage().contains(DataLoader.PIN_MEMORY_WARNING))
          .count();
    }
  }

  private static TensorDataset data() {
    return new TensorDataset(Torch.arange(10).reshape(5, 2), Torch.arange(5));
  }

  private static IterableDataset<Tensor> stream() {
    return () -> IntStream.range(0, 5).mapToObj(i -> Torch.scalarTensor((long) i)).iterator();
  }

  private static List<long[]> values(Iterable<List<Tensor>> loader, List<Boolean> pinned) {
    List<long[]> out = new ArrayList<>();
    for (List<Tensor> batch : loader) {
      for (Tensor t : batch) {
        out.add(t.toLongArray());
        pinned.add(t.isPinned());
      }
    }
    return out;
  }

  @Test
  void theOption_defaultsToFalse_andRoundTrips() {
    assertThat(LoaderOptions.DEFAULTS.pinMemory()).isFalse();
    LoaderOptions opts = LoaderOptions.batchSize(3).withNumWorkers(2).withPinMemory(true);
    assertThat(opts.pinMemory()).isTrue();
    assertThat(opts.batchSize()).isEqualTo(3);
    assertThat(opts.numWorkers()).isEqualTo(2);
    assertThat(opts.withPinMemory(false).pinMemory()).isFalse();
    // Other withX copies keep it.
    assertThat(opts.withSeed(4).withTimeout(2).withDropLast(true).pinMemory()).isTrue();
    assertThat(new LoaderOptions(1, false, 0, false, 0, 2, true, null, null, null, false, 0.0)
        .pinMemory()).isFalse();
  }

  @Test
  @EnabledIf("noCuda")
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only
  void withoutCuda_warnsOncePerLoader_andGivesOrdinaryEqualBatches() {
    try (Capture log = new Capture()) {
      LoaderOptions plain = LoaderOptions.batchSize(2);
      List<Boolean> pinnedPlain = new ArrayList<>();
      List<long[]> expected = values(DataLoader.of(data(), plain), pinnedPlain);
      assertThat(log.pinWarnings()).isEqualTo(0);

      var loader = DataLoader.of(data(), plain.withPinMemory(true));
      List<Boolean> pinned = new ArrayList<>();
      List<long[]> first = values(loader, pinned);
      List<long[]> second = values(loader, pinned);
      assertThat(log.pinWarnings()).isEqualTo(1); // two epochs, one warning
      assertThat(first).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(first.get(i)).isEqualTo(expected.get(i));
        assertThat(second.get(i)).isEqualTo(expected.get(i));
      }
      assertThat(pinned).doesNotContain(true);

      var workers = DataLoader.of(data(), plain.withPinMemory(true).withNumWorkers(2));
      List<long[]> threaded = values(workers, pinned);
      assertThat(log.pinWarnings()).isEqualTo(2); // a new loader warns again, once
      for (int i = 0; i < expected.size(); i++) {
        assertThat(threaded.get(i)).isEqualTo(expected.get(i));
      }

      var iterable = DataLoader.of(stream(), LoaderOptions.batchSize(2).withPinMemory(true));
      List<Long> streamed = new ArrayList<>();
      for (Tensor batch : iterable) {
        assertThat(batch.isPinned()).isFalse();
        for (long v : batch.toLongArray()) {
          streamed.add(v);
        }
      }
      assertThat(streamed).containsExactly(0L, 1L, 2L, 3L, 4L).inOrder();
      assertThat(log.pinWarnings()).isEqualTo(3);
    }
  }

  @Test
  @EnabledIf("noCuda")
  void tensorPinMemory_withoutCuda_throws_andIsPinnedIsFalse() {
    Tensor t = Torch.ones(2, 3);
    assertThat(t.isPinned()).isFalse();
    IllegalStateException e = assertThrows(IllegalStateException.class, t::pinMemory);
    assertThat(e).hasMessageThat().startsWith("Tensor.pinMemory: CUDA is not available");
  }

  @Test
  @EnabledIf("dev.shapetorch.tensor.Cuda#isAvailable")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void withCuda_batchesArePinned_andEqual() {
    Tensor t = Torch.ones(2, 3);
    assertThat(t.isPinned()).isFalse();
    Tensor p = t.pinMemory();
    assertThat(p.isPinned()).isTrue();
    assertThat(p.toDoubleArray()).isEqualTo(t.toDoubleArray());

    List<Boolean> plainPinned = new ArrayList<>();
    List<long[]> expected = values(DataLoader.of(data(), LoaderOptions.batchSize(2)),
        plainPinned);
    assertThat(plainPinned).doesNotContain(true);
    for (int workers : new int[] {0, 2}) {
      List<Boolean> pinned = new ArrayList<>();
      List<long[]> got = values(DataLoader.of(data(),
          LoaderOptions.batchSize(2).withNumWorkers(workers).withPinMemory(true)), pinned);
      assertThat(pinned).doesNotContain(false);
      assertThat(pinned).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(got.get(i)).isEqualTo(expected.get(i));
      }
      for (Tensor batch : DataLoader.of(stream(),
          LoaderOptions.batchSize(2).withNumWorkers(workers).withPinMemory(true))) {
        assertThat(batch.isPinned()).isTrue();
      }
    }
  }
}

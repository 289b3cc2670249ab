package dev.shapetorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extreme loader options and bad dataset arguments (issue 10 §6, found by the fuzzer once it
 * reached dev.shapetorch.data): counts whose products pass 2^31 still load every batch, and
 * errors start with the op the user called.
 */
class LoaderArgumentsTest {

  private static TensorDataset six() {
    return new TensorDataset(Torch.randn(6, 3), Torch.arange(6));
  }

  /** The labels of every batch of one epoch, in order. */
  private static List<Long> labels(LoaderOptions options) {
    List<Long> out = new ArrayList<>();
    try (BatchIterator<List<Tensor>> it = DataLoader.of(six(), options).iterator()) {
      while (it.hasNext()) {
        for (long v : it.next().get(1).toLongArray()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  @Test
  void workersTimesPrefetchBeyondAnInt_stillLoadsEveryBatch() {
    // numWorkers * prefetchFactor overflowed to a negative window: no batch was ever asked of
    // the workers, and next() failed with a NullPointerException.
    List<Long> all = List.of(0L, 1L, 2L, 3L, 4L, 5L);
    assertEquals(all, labels(LoaderOptions.batchSize(2).withNumWorkers(Integer.MAX_VALUE)));
    assertEquals(all, labels(LoaderOptions.batchSize(2).withNumWorkers(2)
        .withPrefetchFactor(Integer.MAX_VALUE)));
  }

  @Test
  void aBatchSizeNearIntMax_makesOneBatch_notNone() {
    // (size + batchSize - 1) overflowed: numBatches was 0 and the loader returned nothing.
    DataLoader<List<Tensor>> loader =
        DataLoader.of(six(), LoaderOptions.batchSize(Integer.MAX_VALUE));
    assertEquals(1, loader.numBatches());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L),
        labels(LoaderOptions.batchSize(Integer.MAX_VALUE).withNumWorkers(1)));
  }

  @Test
  void anIndexOutOfRange_namesTheOpCalled() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> six().get(7));
    assertEquals("TensorDataset.get: index 7 is out of range for a dataset of 6 examples",
        e.getMessage());
    e = assertThrows(IndexOutOfBoundsException.class,
        () -> new Subset<>(six(), new int[] {0, 6}));
    assertEquals("Subset: index 6 is out of range for a dataset of 6 examples", e.getMessage());
  }

  @Test
  void nullArguments_areNamed() {
    assertStarts("TensorDataset: tensors[1] is null",
        () -> new TensorDataset(Torch.randn(2), null));
    assertStarts("TensorDataset.getBatch: indices is null", () -> six().getBatch(null));
    assertStarts("Subset: indices is null", () -> new Subset<>(six(), null));
    assertStarts("Datasets.randomSplit: lengths is null",
        () -> Datasets.randomSplit(six(), 1L, (int[]) null));
    assertStarts("DataLoader.of: dataset is null",
        () -> DataLoader.of((Dataset<Tensor>) null, LoaderOptions.batchSize(2)));
    assertStarts("Sample.withTarget: newTarget is null",
        () -> new Sample(Torch.randn(2), Torch.randn(1)).withTarget(null));
  }

  @Test
  void aFinishedIterator_isEmpty_andNextSaysWhichOp() {
    try (BatchIterator<List<Tensor>> it =
        DataLoader.of(six(), LoaderOptions.batchSize(6)).iterator()) {
      assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, it.next().get(1).toLongArray());
      assertTrue(!it.hasNext());
      java.util.NoSuchElementException e =
          assertThrows(java.util.NoSuchElementException.class, it::next);
      assertEquals("BatchIterator.next: epoch 0 has no more batches (1 in all)", e.getMessage());
    }
  }

  private static void assertStarts(String start, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "\" at the start of: "
        + e.getMessage());
  }
}

package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.data.Sample;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10 binary batches, on small files the test writes. */
class Cifar10Test {

  @TempDir Path root;

  /** {@code n} records; record r has label (r + first) % 10 and pixel value (first + r) in red. */
  private static byte[] records(int n, int first) {
    byte[] out = new byte[n * CIFAR10.RECORD_BYTES];
    for (int r = 0; r < n; r++) {
      int o = r * CIFAR10.RECORD_BYTES;
      out[o] = (byte) ((first + r) % 10);
      Arrays.fill(out, o + 1, o + 1 + 1024, (byte) (first + r));
      Arrays.fill(out, o + 1 + 1024, o + 1 + 2048, (byte) 200);
      out[o + 1 + 2048 + 1023] = (byte) 7;  // last blue pixel
    }
    return out;
  }

  private void writeAll(Path dir) {
    for (int b = 1; b <= 5; b++) {
      IdxFiles.write(dir.resolve("data_batch_" + b + ".bin"), records(2, 2 * (b - 1)));
    }
    IdxFiles.write(dir.resolve("test_batch.bin"), records(3, 100));
  }

  @Test
  void trainingSplit_concatenatesTheFiveBatches() {
    writeAll(root.resolve("cifar-10-batches-bin"));
    CIFAR10 train = new CIFAR10(root, true, null);
    assertThat(train.size()).isEqualTo(10);
    assertThat(train.images().shape()).isEqualTo(new long[] {10, 3, 32, 32});
    assertThat(train.labels().toLongArray()).isEqualTo(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    Sample s = train.get(7);
    assertThat(s.input().select(0, 0).max().itemLong()).isEqualTo(7L);   // red channel
    assertThat(s.input().select(0, 1).min().itemLong()).isEqualTo(200L); // green channel
    assertThat(s.input().select(0, 2).select(0, 31).select(0, 31).itemLong()).isEqualTo(7L);
    assertThat(train.classes().get((int) s.target().itemLong())).isEqualTo("horse");
  }

  @Test
  void testSplit_readsTestBatch() {
    writeAll(root);
    CIFAR10 test = new CIFAR10(root, false, null);
    assertThat(test.size()).isEqualTo(3);
    assertThat(test.labels().toLongArray()).isEqualTo(new long[] {0, 1, 2});
    Sample batch = test.getBatch(new int[] {2, 0});
    assertThat(batch.input().shape()).isEqualTo(new long[] {2, 3, 32, 32});
    assertThat(batch.target().toLongArray()).isEqualTo(new long[] {2, 0});
  }

  @Test
  void aTruncatedFile_isReportedWithItsRecordCount() {
    writeAll(root);
    Path cut = root.resolve("test_batch.bin");
    IdxFiles.write(cut, Arrays.copyOf(records(3, 100), 2 * CIFAR10.RECORD_BYTES + 100));
    DatasetException e = assertThrows(DatasetException.class, () -> new CIFAR10(root, false, null));
    assertThat(e).hasMessageThat().isEqualTo(cut + " is truncated: it has 6246 bytes, not a whole"
        + " number of 3073-byte records (2 records and 100 bytes); download it again");
  }

  @Test
  void aLabelAbove9_isCorrupt() {
    writeAll(root);
    byte[] bad = records(3, 100);
    bad[CIFAR10.RECORD_BYTES] = 10;
    Path file = root.resolve("test_batch.bin");
    IdxFiles.write(file, bad);
    DatasetException e = assertThrows(DatasetException.class, () -> new CIFAR10(root, false, null));
    assertThat(e).hasMessageThat().isEqualTo(file + " is corrupt: record 1 has label 10, but"
        + " CIFAR-10 labels run from 0 to 9; download it again");
  }

  @Test
  void aMissingFile_saysWhereItLooked() {
    DatasetException e = assertThrows(DatasetException.class, () -> new CIFAR10(root, true, null));
    assertThat(e).hasMessageThat().startsWith("CIFAR10: data_batch_1.bin not found (looked for "
        + root.resolve("data_batch_1.bin") + " and "
        + root.resolve("cifar-10-batches-bin/data_batch_1.bin") + ")");
  }
}

package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.data.Sample;
import dev.shapetorch.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR100, QMNIST, SVHN, EMNIST and FakeData on small files the test writes. */
class MoreDatasetsTest {

  @TempDir Path root;

  @Test
  void cifar100_servesFineLabelsAndKeepsCoarseOnes() {
    byte[] file = new byte[3 * CIFAR100.RECORD_BYTES];
    for (int r = 0; r < 3; r++) {
      int o = r * CIFAR100.RECORD_BYTES;
      file[o] = (byte) (19 - r);          // coarse
      file[o + 1] = (byte) (99 - 10 * r); // fine
      Arrays.fill(file, o + 2, o + 2 + 1024, (byte) (r + 1));
      file[o + 2 + 3071] = (byte) 250;    // last blue pixel
    }
    IdxFiles.write(root.resolve("cifar-100-binary").resolve("test.bin"), file);
    CIFAR100 test = new CIFAR100(root, false, null);
    assertThat(test.size()).isEqualTo(3);
    assertThat(test.labels().toLongArray()).isEqualTo(new long[] {99, 89, 79});
    assertThat(test.coarseLabels().toLongArray()).isEqualTo(new long[] {19, 18, 17});
    Sample s = test.get(1);
    assertThat(s.input().shape()).isEqualTo(new long[] {3, 32, 32});
    assertThat(s.input().select(0, 0).max().itemLong()).isEqualTo(2L);
    assertThat(s.input().select(0, 2).select(0, 31).select(0, 31).itemLong()).isEqualTo(250L);
    assertThat(test.classes()).hasSize(100);
    assertThat(test.classes().get(99)).isEqualTo("worm");
    assertThat(test.coarseClasses()).hasSize(20);
    assertThat(test.classes()).isInOrder();
  }

  @Test
  void cifar100_truncatedAndMissingFilesSayWhatToDo() {
    IdxFiles.write(root.resolve("train.bin"), new byte[CIFAR100.RECORD_BYTES + 5]);
    DatasetException e = assertThrows(DatasetException.class, () -> new CIFAR100(root, true, null));
    assertThat(e).hasMessageThat().contains("is truncated: it has 3079 bytes");
    e = assertThrows(DatasetException.class, () -> new CIFAR100(root, false, null));
    assertThat(e).hasMessageThat().startsWith("CIFAR100: test.bin not found");
  }

  /** A QMNIST label file: big-endian int32 [n, 8], row k = (10k + j). */
  private static byte[] qmnistLabels(int n) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4 * 8 * n);
    b.putInt(0x0C02).putInt(n).putInt(8);
    for (int k = 0; k < n; k++) {
      b.putInt(k % 10);
      for (int j = 1; j < 8; j++) {
        b.putInt(100000 * j + k);
      }
    }
    return b.array();
  }

  @Test
  void qmnist_compatAndFullLabels_andTheTestSubsets() {
    int n = 10003;
    byte[] pixels = new byte[n * 784];
    for (int k = 0; k < n; k++) {
      pixels[k * 784] = (byte) k;
    }
    Path raw = root.resolve("QMNIST").resolve("raw");
    IdxFiles.write(raw.resolve("qmnist-test-images-idx3-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.idx(new int[] {n, 28, 28}, pixels)));
    IdxFiles.write(raw.resolve("qmnist-test-labels-idx2-int.gz"), IdxFiles.gzip(qmnistLabels(n)));
    QMNIST test = new QMNIST(root, false, null);
    assertThat(test.size()).isEqualTo(n);
    assertThat(test.get(13).target().itemLong()).isEqualTo(3L);
    QMNIST full = new QMNIST(root, "test50k", false, null, null);
    assertThat(full.size()).isEqualTo(3);
    Sample s = full.get(1);
    assertThat(s.input().shape()).isEqualTo(new long[] {1, 28, 28});
    assertThat(s.input().flatten().select(0, 0).itemLong()).isEqualTo(10001 % 256);
    assertThat(s.target().toLongArray()).isEqualTo(new long[] {
        1, 110001, 210001, 310001, 410001, 510001, 610001, 710001});
    assertThat(full.getBatch(new int[] {0, 2}).target().shape()).isEqualTo(new long[] {2, 8});
    assertThat(new QMNIST(root, "test10k", true, null, null).size()).isEqualTo(10000);
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> new QMNIST(root, "valid", true, null, null));
    assertThat(bad).hasMessageThat().contains("pass one of train, test, test10k, test50k, nist");
    DatasetException nist = assertThrows(DatasetException.class,
        () -> new QMNIST(root, "nist", true, null, QMNIST.SOURCE));
    assertThat(nist).hasMessageThat().contains("xz -d");
  }

  /** A MATLAB 5 file holding X uint8 [32, 32, 3, n] and y double [n, 1]. */
  static byte[] svhnMat(int n, double[] y, boolean compress) {
    byte[] x = new byte[32 * 32 * 3 * n];
    for (int k = 0; k < n; k++) {
      for (int c = 0; c < 3; c++) {
        for (int w = 0; w < 32; w++) {
          for (int h = 0; h < 32; h++) {
            x[h + 32 * (w + 32 * (c + 3 * k))] = (byte) (k * 50 + c * 10 + h + 2 * w);
          }
        }
      }
    }
    ByteBuffer yb = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : y) {
      yb.putDouble(v);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = new byte[128];
    Arrays.fill(header, (byte) ' ');
    byte[] text = "MATLAB 5.0 MAT-file, written by a test".getBytes();
    System.arraycopy(text, 0, header, 0, text.length);
    header[124] = 0;
    header[125] = 1;
    header[126] = 'I';
    header[127] = 'M';
    out.writeBytes(header);
    for (byte[] m : new byte[][] {
        matrix("X", 9, new int[] {32, 32, 3, n}, 2, x),
        matrix("y", 6, new int[] {n, 1}, 9, yb.array())}) {
      if (compress) {
        Deflater d = new Deflater();
        d.setInput(m);
        d.finish();
        byte[] buf = new byte[m.length + 1024];
        int len = d.deflate(buf);
        d.end();
        out.writeBytes(tag(15, len));
        out.write(buf, 0, len);
      } else {
        out.writeBytes(m);
      }
    }
    return out.toByteArray();
  }

  private static byte[] tag(int type, int size) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(size)
        .array();
  }

  private static byte[] padded(int type, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tag(type, data.length));
    out.writeBytes(data);
    out.writeBytes(new byte[(8 - data.length % 8) % 8]);
    return out.toByteArray();
  }

  private static byte[] matrix(String name, int cls, int[] dims, int type, byte[] data) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(padded(6, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(cls).putInt(0).array()));
    ByteBuffer d = ByteBuffer.allocate(4 * dims.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : dims) {
      d.putInt(v);
    }
    body.writeBytes(padded(5, d.array()));
    // a name of up to 4 bytes uses the small element format
    byte[] nb = name.getBytes();
    body.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((nb.length << 16) | 1).put(Arrays.copyOf(nb, 4)).array());
    body.writeBytes(padded(type, data));
    byte[] b = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tag(14, b.length));
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Test
  void svhn_readsPlainAndCompressedMatFiles_andMapsLabel10To0() {
    IdxFiles.write(root.resolve("test_32x32.mat"), svhnMat(3, new double[] {10, 1, 9}, false));
    IdxFiles.write(root.resolve("train_32x32.mat"), svhnMat(3, new double[] {10, 1, 9}, true));
    for (String split : new String[] {"test", "train"}) {
      SVHN ds = new SVHN(root, split, null);
      assertThat(ds.labels().toLongArray()).isEqualTo(new long[] {0, 1, 9});
      Tensor img = ds.get(2).input();
      assertThat(img.shape()).isEqualTo(new long[] {3, 32, 32});
      // image k, channel c, row h, column w = k*50 + c*10 + h + 2w
      assertThat(img.select(0, 1).select(0, 5).select(0, 7).itemLong())
          .isEqualTo(2 * 50 + 10 + 5 + 14);
    }
    IdxFiles.write(root.resolve("extra_32x32.mat"), svhnMat(1, new double[] {11}, true));
    DatasetException e = assertThrows(DatasetException.class, () -> new SVHN(root, "extra", null));
    assertThat(e).hasMessageThat().contains("label 0 is 11");
    IdxFiles.write(root.resolve("extra_32x32.mat"), new byte[] {1, 2, 3});
    e = assertThrows(DatasetException.class, () -> new SVHN(root, "extra", null));
    assertThat(e).hasMessageThat().contains("is not a MATLAB 5 file");
  }

  @Test
  void emnist_splitsHaveTorchvisionsClassCounts_andUnknownSplitsAreRefused() {
    assertThat(EMNIST.classesOf("byclass")).hasSize(62);
    assertThat(EMNIST.classesOf("bymerge")).hasSize(47);
    assertThat(EMNIST.classesOf("letters")).hasSize(27);
    assertThat(EMNIST.classesOf("mnist")).hasSize(10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EMNIST(root, "kanji", true, null));
    assertThat(e).hasMessageThat().contains("EMNIST: unknown split 'kanji'");
  }

  @Test
  void fakeData_isDeterministicPerIndex_andOffsetShiftsIt() {
    FakeData a = new FakeData(5, new long[] {3, 8, 8}, 4, null, null, 0);
    FakeData b = new FakeData(5, new long[] {3, 8, 8}, 4, null, null, 1);
    assertThat(a.get(2).input().toBytes()).isEqualTo(a.get(2).input().toBytes());
    assertThat(a.get(3).input().toBytes()).isEqualTo(b.get(2).input().toBytes());
    assertThat(a.get(1).target().itemLong()).isAtMost(3L);
    assertThat(new FakeData().get(0).input().shape()).isEqualTo(new long[] {3, 224, 224});
    assertThrows(IllegalArgumentException.class,
        () -> new FakeData(5, new long[] {8, 8}, 4, null, null, 0));
  }
}

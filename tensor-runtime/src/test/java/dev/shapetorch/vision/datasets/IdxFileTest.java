package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading IDX files, and the errors for broken ones. */
class IdxFileTest {

  @TempDir Path dir;

  @Test
  void gzippedIdx_isReadAsUint8WithTheHeadersShape() {
    byte[] data = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};
    Path f = dir.resolve("x-idx3-ubyte.gz");
    IdxFiles.write(f, IdxFiles.gzip(IdxFiles.idx(new int[] {3, 2, 2}, data)));
    Tensor t = IdxFile.read(f);
    assertThat(t.dtype()).isEqualTo(DType.UINT8);
    assertThat(t.shape()).isEqualTo(new long[] {3, 2, 2});
    assertThat(t.toLongArray()).isEqualTo(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255});
  }

  @Test
  void uncompressedIdx_isReadToo() {
    Path f = dir.resolve("labels-idx1-ubyte");
    IdxFiles.write(f, IdxFiles.idx(new int[] {4}, new byte[] {9, 0, 0, 3}));
    assertThat(IdxFile.read(f).toLongArray()).isEqualTo(new long[] {9, 0, 0, 3});
  }

  @Test
  void dataShorterThanTheHeaderSays_isTruncated() {
    Path f = dir.resolve("short.gz");
    IdxFiles.write(f, IdxFiles.gzip(IdxFiles.idx(new int[] {3, 2, 2}, new byte[10])));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(f));
    assertThat(e).hasMessageThat().isEqualTo(f + " is truncated: its header declares shape"
        + " [3, 2, 2], 12 bytes of data, but the file holds 10; download it again");
  }

  @Test
  void aCutGzipStream_isTruncated() {
    Path f = dir.resolve("cut.gz");
    byte[] gz = IdxFiles.gzip(IdxFiles.idx(new int[] {100, 28, 28}, new byte[78400]));
    IdxFiles.write(f, Arrays.copyOf(gz, gz.length / 2));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(f));
    assertThat(e).hasMessageThat().startsWith(f + " is truncated: the gzip stream ends early");
  }

  @Test
  void aFileThatIsNotGzip_saysSo() {
    Path f = dir.resolve("plain.gz");
    IdxFiles.write(f, IdxFiles.idx(new int[] {1}, new byte[] {1}));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(f));
    assertThat(e).hasMessageThat().startsWith(f + " is not a valid gzip file");
  }

  @Test
  void aWrongMagicNumber_isNotIdx() {
    Path f = dir.resolve("other");
    IdxFiles.write(f, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
    DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(f));
    assertThat(e).hasMessageThat().isEqualTo(f + " is not an IDX file: its magic number starts"
        + " with 0x1f8b instead of 0x0000 (is it still compressed, or another format?)");
  }

  @Test
  void aMissingFile_isNamed() {
    Path f = dir.resolve("nothing.gz");
    DatasetException e = assertThrows(DatasetException.class, () -> IdxFile.read(f));
    assertThat(e).hasMessageThat().startsWith("cannot read " + f);
  }
}

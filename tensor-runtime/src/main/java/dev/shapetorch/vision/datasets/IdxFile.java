package dev.shapetorch.vision.datasets;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte ({@code
 * 0x08} = unsigned byte, {@code 0x0c} = big-endian 32-bit integer), the number of dimensions, each size as a big-endian 32-bit integer,
 * then the values row-major. Files ending in {@code .gz} are decompressed on the fly.
 *
 * <pre>{@code
 * Tensor images = IdxFile.read(Path.of("train-images-idx3-ubyte.gz"));   // uint8 [60000, 28, 28]
 * }</pre>
 *
 * <p>Shape: the sizes the file's header declares.
 */
public final class IdxFile {

  private static final int UNSIGNED_BYTE = 0x08;
  private static final int INT = 0x0C;

  private IdxFile() {}

  /**
   * The tensor stored in {@code file} (uint8, or int32 for the element type {@code 0x0c} QMNIST uses).
   *
   * @throws DatasetException if the file cannot be read, is not gzip when named {@code .gz},
   *     is not an unsigned-byte IDX file, or holds fewer or more bytes than its header declares
   */
  public static Tensor read(Path file) {
    byte[] bytes = readAll(file);
    return parse(bytes, file.toString());
  }

  /** The tensor in the bytes of an (uncompressed) IDX file; {@code name} appears in errors. */
  static Tensor parse(byte[] bytes, String name) {
    if (bytes.length < 4) {
      throw new DatasetException(
          name + " is not an IDX file: it has " + bytes.length + " bytes, shorter than the"
              + " 4-byte magic number; the file is truncated, download it again");
    }
    if (bytes[0] != 0 || bytes[1] != 0) {
      throw new DatasetException(
          name + " is not an IDX file: its magic number starts with "
              + String.format("0x%02x%02x", bytes[0] & 0xff, bytes[1] & 0xff)
              + " instead of 0x0000 (is it still compressed, or another format?)");
    }
    int type = bytes[2] & 0xff;
    int rank = bytes[3] & 0xff;
    if (type != UNSIGNED_BYTE && type != INT) {
      throw new DatasetException(
          name + ": IDX element type " + String.format("0x%02x", type) + " is not supported;"
              + " only unsigned bytes (0x08), as MNIST-style datasets use, and big-endian"
              + " 32-bit integers (0x0c), as QMNIST's labels use");
    }
    int itemSize = type == INT ? 4 : 1;
    int header = 4 + 4 * rank;
    if (bytes.length < header) {
      throw new DatasetException(
          name + " is truncated: its header declares " + rank + " dimensions (" + header
              + " bytes of header) but the file has " + bytes.length + " bytes; download it"
              + " again");
    }
    long[] shape = new long[rank];
    long count = 1;
    for (int d = 0; d < rank; d++) {
      int o = 4 + 4 * d;
      shape[d] = ((bytes[o] & 0xffL) << 24) | ((bytes[o + 1] & 0xffL) << 16)
          | ((bytes[o + 2] & 0xffL) << 8) | (bytes[o + 3] & 0xffL);
      count *= shape[d];
    }
    long data = (bytes.length - (long) header) / itemSize;
    if (data != count || (bytes.length - header) % itemSize != 0) {
      throw new DatasetException(
          name + (data < count ? " is truncated" : " is corrupt") + ": its header declares shape "
              + Arrays.toString(shape) + ", " + count * itemSize + " bytes of data, but the file"
              + " holds " + (bytes.length - header) + "; download it again");
    }
    if (type == INT) {
      byte[] little = new byte[(int) data * 4];
      for (int i = 0; i < little.length; i += 4) {
        little[i] = bytes[header + i + 3];
        little[i + 1] = bytes[header + i + 2];
        little[i + 2] = bytes[header + i + 1];
        little[i + 3] = bytes[header + i];
      }
      return Torch.frombuffer(little, DType.INT32, shape);
    }
    return Torch.frombuffer(bytes, header, (int) data, DType.UINT8, shape);
  }

  private static byte[] readAll(Path file) {
    boolean gz = file.getFileName().toString().endsWith(".gz");
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(gz ? 1 << 20 : (int) Files.size(file));
      in.transferTo(out);
      return out.toByteArray();
    } catch (ZipException e) {
      throw new DatasetException(
          file + " is not a valid gzip file (" + e.getMessage() + "); delete it and download it"
              + " again",
          e);
    } catch (EOFException e) {
      throw new DatasetException(
          file + " is truncated: the gzip stream ends early (" + e.getMessage() + "); delete it"
              + " and download it again",
          e);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
  }
}

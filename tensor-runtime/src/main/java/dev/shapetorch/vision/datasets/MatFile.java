package dev.shapetorch.vision.datasets;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal reader of MATLAB level-5 {@code .mat} files (the format {@code scipy.io.loadmat}
 * reads and MATLAB's {@code save -v7} writes): the numeric, real, non-sparse arrays at the top
 * level, stored plainly or zlib-compressed ({@code miCOMPRESSED}). Cells, structs, sparse and
 * complex arrays are skipped. Package-private: {@link SVHN}'s reader.
 */
final class MatFile {

  private static final int MI_INT8 = 1;
  private static final int MI_UINT8 = 2;
  private static final int MI_INT16 = 3;
  private static final int MI_UINT16 = 4;
  private static final int MI_INT32 = 5;
  private static final int MI_UINT32 = 6;
  private static final int MI_SINGLE = 7;
  private static final int MI_DOUBLE = 9;
  private static final int MI_INT64 = 12;
  private static final int MI_UINT64 = 13;
  private static final int MI_MATRIX = 14;
  private static final int MI_COMPRESSED = 15;
  private static final int MX_SPARSE = 5;
  private static final int MX_LAST_NUMERIC = 15;

  private MatFile() {}

  /**
   * The numeric arrays of {@code file} by name, each a tensor of MATLAB's sizes in MATLAB's
   * (column-major) element order, in the element type stored.
   *
   * @throws DatasetException if the file cannot be read or is not a little-endian level-5 file
   */
  static Map<String, Tensor> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e, e);
    }
    return parse(bytes, file.toString());
  }

  static Map<String, Tensor> parse(byte[] bytes, String name) {
    if (bytes.length < 128) {
      throw new DatasetException(name + " is not a MATLAB 5 file: it has " + bytes.length
          + " bytes, shorter than the 128-byte header; download it again");
    }
    if (bytes[126] == 'M' && bytes[127] == 'I') {
      throw new DatasetException(name + " is a big-endian MATLAB file, which is not supported;"
          + " save it again on a little-endian machine");
    }
    if (bytes[126] != 'I' || bytes[127] != 'M') {
      throw new DatasetException(name + " is not a MATLAB 5 file (no 'IM' endian indicator at"
          + " byte 126; MATLAB 7.3 files are HDF5): save it with save -v7 or scipy.io.savemat");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    in.position(128);
    Map<String, Tensor> out = new LinkedHashMap<>();
    try {
      while (in.remaining() >= 8) {
        element(in, name, out);
      }
    } catch (RuntimeException e) {
      if (e instanceof DatasetException d) {
        throw d;
      }
      throw new DatasetException(name + " is corrupt (" + e + "); download it again", e);
    }
    return out;
  }

  /** Reads one top-level element at the buffer's position. */
  private static void element(ByteBuffer in, String name, Map<String, Tensor> out) {
    int type = in.getInt();
    int size = in.getInt();
    if (type == MI_COMPRESSED) {
      byte[] packed = new byte[size];
      in.get(packed);
      ByteBuffer inner = ByteBuffer.wrap(inflate(packed, name)).order(ByteOrder.LITTLE_ENDIAN);
      element(inner, name, out);
      return;
    }
    int end = in.position() + size;
    if (type == MI_MATRIX && size > 0) {
      ByteBuffer m = in.slice(in.position(), size).order(ByteOrder.LITTLE_ENDIAN);
      matrix(m, name, out);
    }
    in.position(Math.min(in.limit(), align(end)));
  }

  private static void matrix(ByteBuffer m, String name, Map<String, Tensor> out) {
    ByteBuffer flags = sub(m);
    int cls = flags.getInt(0) & 0xff;
    boolean complex = (flags.getInt(0) & 0x800) != 0;
    ByteBuffer dimsData = sub(m);
    int rank = dimsData.remaining() / 4;
    long[] dims = new long[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = dimsData.getInt(4 * i);
    }
    ByteBuffer nameData = sub(m);
    byte[] nameBytes = new byte[nameData.remaining()];
    nameData.get(nameBytes);
    String var = new String(nameBytes, java.nio.charset.StandardCharsets.US_ASCII);
    if (cls < 6 || cls > MX_LAST_NUMERIC || cls == MX_SPARSE || complex) {
      return;
    }
    int[] dataType = new int[1];
    ByteBuffer real = sub(m, dataType);
    DType dtype = switch (dataType[0]) {
      case MI_INT8 -> DType.INT8;
      case MI_UINT8 -> DType.UINT8;
      case MI_INT16, MI_UINT16 -> DType.INT16;
      case MI_INT32, MI_UINT32 -> DType.INT32;
      case MI_SINGLE -> DType.FLOAT32;
      case MI_DOUBLE -> DType.FLOAT64;
      case MI_INT64, MI_UINT64 -> DType.INT64;
      default -> throw new DatasetException(name + ": variable " + var + " has element type "
          + dataType[0] + ", which is not a MATLAB numeric type; download the file again");
    };
    long count = 1;
    for (long d : dims) {
      count *= d;
    }
    byte[] data = new byte[real.remaining()];
    real.get(data);
    if (data.length != count * dtype.itemSize()) {
      throw new DatasetException(name + " is corrupt: variable " + var + " has sizes "
          + java.util.Arrays.toString(dims) + " but " + data.length + " bytes of "
          + dtype + "; download it again");
    }
    Tensor t;
    if (dataType[0] == MI_UINT16 || dataType[0] == MI_UINT32) {
      ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      long[] values = new long[(int) count];
      for (int i = 0; i < values.length; i++) {
        values[i] = dataType[0] == MI_UINT16 ? b.getShort() & 0xffffL : b.getInt() & 0xffffffffL;
      }
      t = Torch.fromArray(values, count);
    } else {
      t = Torch.frombuffer(data, dtype, count);
    }
    out.put(var, t.reshape(reversed(dims)).permute(reverseOrder(rank)));
  }

  private static long[] reversed(long[] dims) {
    long[] r = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      r[i] = dims[dims.length - 1 - i];
    }
    return r;
  }

  private static int[] reverseOrder(int rank) {
    int[] r = new int[rank];
    for (int i = 0; i < rank; i++) {
      r[i] = rank - 1 - i;
    }
    return r;
  }

  private static ByteBuffer sub(ByteBuffer m) {
    return sub(m, new int[1]);
  }

  /** The data of the next sub-element (normal or small format); its type goes to {@code type}. */
  private static ByteBuffer sub(ByteBuffer m, int[] type) {
    int tag = m.getInt();
    int small = tag >>> 16;
    if (small != 0) {
      type[0] = tag & 0xffff;
      ByteBuffer data = m.slice(m.position(), small).order(ByteOrder.LITTLE_ENDIAN);
      m.position(m.position() + 4);
      return data;
    }
    type[0] = tag;
    int size = m.getInt();
    ByteBuffer data = m.slice(m.position(), size).order(ByteOrder.LITTLE_ENDIAN);
    m.position(Math.min(m.limit(), align(m.position() + size)));
    return data;
  }

  private static int align(int position) {
    return (position + 7) & ~7;
  }

  private static byte[] inflate(byte[] packed, String name) {
    Inflater inflater = new Inflater();
    inflater.setInput(packed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
    byte[] buf = new byte[1 << 16];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DatasetException(name + " is truncated: a compressed element ends early;"
              + " download it again");
        }
        out.write(buf, 0, n);
      }
    } catch (DataFormatException e) {
      throw new DatasetException(name + " is corrupt: a compressed element is not valid zlib ("
          + e.getMessage() + "); download it again", e);
    } finally {
      inflater.end();
    }
    return out.toByteArray();
  }
}

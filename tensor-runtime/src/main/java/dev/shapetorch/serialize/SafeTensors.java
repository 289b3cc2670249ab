package dev.shapetorch.serialize;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of
 * JSON (padded with spaces to a multiple of 8) mapping each tensor's name to its {@code dtype},
 * {@code shape} and {@code data_offsets} (begin and end in the data section), an optional {@code
 * __metadata__} object of strings, then the tensors' bytes, little-endian and row-major. Files
 * written here load in Hugging Face's {@code safetensors} library and vice versa.
 *
 * <pre>{@code
 * SafeTensors.save(model.stateDict(), Path.of("model.safetensors"));
 * Map<String, Tensor> state = SafeTensors.load(Path.of("model.safetensors"));
 * }</pre>
 *
 * <p>Writes go to a temporary file that is then moved into place atomically. Loads check the
 * header against the file: a truncated or malformed file raises a {@link CheckpointException}
 * naming it and what is wrong.
 *
 * <p>Shape: every tensor keeps its shape and dtype.
 */
public final class SafeTensors {

  private static final long MAX_HEADER = 100L << 20;

  private SafeTensors() {}

  /** {@link #save(Map, Map, Path)} without metadata. */
  public static void save(Map<String, Tensor> tensors, Path file) {
    save(tensors, Map.of(), file);
  }

  /**
   * Writes {@code tensors} (in the map's order) and string {@code metadata} to {@code file},
   * replacing it atomically.
   *
   * @throws CheckpointException if the file cannot be written
   * @throws IllegalArgumentException if a name is {@code __metadata__} or empty
   */
  public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path file) {
    StringBuilder json = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      Json.writeString(json, "__metadata__");
      json.append(":{");
      boolean first = true;
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        Json.writeString(json, e.getKey());
        json.append(':');
        Json.writeString(json, e.getValue());
      }
      json.append('}');
    }
    List<byte[]> blobs = new ArrayList<>(tensors.size());
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      String name = e.getKey();
      if (name.isEmpty() || name.equals("__metadata__")) {
        throw new IllegalArgumentException(
            "SafeTensors.save: '" + name + "' cannot name a tensor");
      }
      Tensor t = e.getValue();
      byte[] bytes = t.toBytes();
      blobs.add(bytes);
      if (json.length() > 1) {
        json.append(',');
      }
      Json.writeString(json, name);
      json.append(":{\"dtype\":\"").append(code(t.dtype())).append("\",\"shape\":[");
      long[] shape = t.shape();
      for (int i = 0; i < shape.length; i++) {
        json.append(i == 0 ? "" : ",").append(shape[i]);
      }
      json.append("],\"data_offsets\":[").append(offset).append(',')
          .append(offset + bytes.length).append("]}");
      offset += bytes.length;
    }
    json.append('}');
    byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (header.length + 7) / 8 * 8;
    ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    prefix.putLong(padded).put(header);
    while (prefix.hasRemaining()) {
      prefix.put((byte) ' ');
    }
    writeAtomically(file, out -> {
      out.write(prefix.array());
      for (byte[] b : blobs) {
        out.write(b);
      }
    });
  }

  /**
   * The tensors stored in {@code file}, by name, in the header's order, on the CPU.
   *
   * @throws CheckpointException if the file is missing, truncated or malformed
   */
  public static Map<String, Tensor> load(Path file) {
    Parsed p = parse(file);
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Entry e : p.entries()) {
      int from = Math.toIntExact(p.dataStart() + e.begin());
      int length = Math.toIntExact(e.end() - e.begin());
      out.put(e.name(), Torch.frombuffer(p.bytes(), from, length, e.dtype(), e.shape()));
    }
    return out;
  }

  /**
   * The {@code __metadata__} strings of {@code file} (empty if it has none).
   *
   * @throws CheckpointException if the file is missing, truncated or malformed
   */
  public static Map<String, String> metadata(Path file) {
    return parse(file).metadata();
  }

  private record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

  private record Parsed(
      byte[] bytes, long dataStart, List<Entry> entries, Map<String, String> metadata) {}

  private static Parsed parse(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + file + ": " + e, e);
    }
    if (bytes.length < 8) {
      throw new CheckpointException(file + " is not a safetensors file: it has only "
          + bytes.length + " bytes, less than the 8-byte header length");
    }
    long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) {
      throw new CheckpointException(file + " is not a safetensors file, or is truncated: its"
          + " header length " + n + " does not fit in its " + bytes.length + " bytes");
    }
    Object json;
    try {
      json = Json.parse(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(
          file + " has a malformed safetensors header: " + e.getMessage(), e);
    }
    if (!(json instanceof Map<?, ?> header)) {
      throw new CheckpointException(file + " has a malformed safetensors header: not an object");
    }
    long dataStart = 8 + n;
    long dataLength = bytes.length - dataStart;
    List<Entry> entries = new ArrayList<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : header.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals("__metadata__")) {
        if (!(e.getValue() instanceof Map<?, ?> m)) {
          throw new CheckpointException(file + ": __metadata__ is not an object");
        }
        for (Map.Entry<?, ?> kv : m.entrySet()) {
          if (!(kv.getValue() instanceof String s)) {
            throw new CheckpointException(
                file + ": metadata value of '" + kv.getKey() + "' is not a string");
          }
          metadata.put((String) kv.getKey(), s);
        }
        continue;
      }
      entries.add(entry(file, name, e.getValue(), dataLength));
    }
    entries.sort((a, b) -> Long.compare(a.begin(), b.begin()));
    long expected = 0;
    for (Entry e : entries) {
      if (e.begin() != expected) {
        throw new CheckpointException(file + ": tensor '" + e.name() + "' starts at byte "
            + e.begin() + " of the data, expected " + expected + " (overlapping or gapped"
            + " offsets)");
      }
      expected = e.end();
    }
    if (expected != dataLength) {
      throw new CheckpointException(file + (expected > dataLength ? " is truncated" : " is corrupt")
          + ": its header describes " + expected + " bytes of tensor data, the file holds "
          + dataLength);
    }
    Map<String, Entry> byName = new LinkedHashMap<>();
    for (Entry x : entries) {
      byName.put(x.name(), x);
    }
    List<Entry> inHeaderOrder = new ArrayList<>();
    for (Object key : header.keySet()) {
      if (byName.containsKey(key)) {
        inHeaderOrder.add(byName.get(key));
      }
    }
    return new Parsed(bytes, dataStart, inHeaderOrder, metadata);
  }

  private static Entry entry(Path file, String name, Object value, long dataLength) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new CheckpointException(file + ": the header entry of '" + name + "' is not an object");
    }
    if (!(m.get("dtype") instanceof String code)) {
      throw new CheckpointException(file + ": tensor '" + name + "' has no dtype");
    }
    DType dtype = dtype(file, name, code);
    if (!(m.get("shape") instanceof List<?> dims) || !(m.get("data_offsets") instanceof List<?> off)
        || off.size() != 2) {
      throw new CheckpointException(
          file + ": tensor '" + name + "' lacks a shape or a pair of data_offsets");
    }
    long[] shape = new long[dims.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Long d) || d < 0) {
        throw new CheckpointException(file + ": tensor '" + name + "' has a bad shape " + dims);
      }
      shape[i] = d;
      count = Math.multiplyExact(count, d);
    }
    if (!(off.get(0) instanceof Long begin) || !(off.get(1) instanceof Long end)
        || begin < 0 || end < begin) {
      throw new CheckpointException(file + ": tensor '" + name + "' has bad data_offsets " + off);
    }
    if (end > dataLength) {
      throw new CheckpointException(file + " is truncated: tensor '" + name + "' ends at byte "
          + end + " of the data, which has " + dataLength + " bytes");
    }
    if (end - begin != count * dtype.itemSize()) {
      throw new CheckpointException(file + ": tensor '" + name + "' of shape "
          + java.util.Arrays.toString(shape) + " and dtype " + code + " needs "
          + count * dtype.itemSize() + " bytes, its data_offsets span " + (end - begin));
    }
    return new Entry(name, dtype, shape, begin, end);
  }

  /** The safetensors code of a dtype ({@code F32}, {@code I64}, ...). */
  static String code(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> "F32";
      case FLOAT64 -> "F64";
      case FLOAT16 -> "F16";
      case BFLOAT16 -> "BF16";
      case INT64 -> "I64";
      case INT32 -> "I32";
      case INT16 -> "I16";
      case INT8 -> "I8";
      case UINT8 -> "U8";
      case BOOL -> "BOOL";
    };
  }

  private static DType dtype(Path file, String name, String code) {
    for (DType d : DType.values()) {
      if (code(d).equals(code)) {
        return d;
      }
    }
    throw new CheckpointException(file + ": tensor '" + name + "' has dtype " + code
        + ", which ShapeTorch does not support (F64, F32, F16, BF16, I64, I32, I16, I8, U8,"
        + " BOOL)");
  }

  /** Writes a file's content. */
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Writes to a temporary file beside {@code file}, forces it to disk, then moves it over. */
  static void writeAtomically(Path file, Writer writer) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
        writer.write(buffered);
        buffered.flush();
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      throw new CheckpointException("cannot write " + file + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // the error being reported matters more
        }
      }
    }
  }
}

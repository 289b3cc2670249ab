package dev.shapetorch.monitor.tensorboard;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * TFRecord framing, the container of TensorBoard's event files: each record is its length
 * (uint64, little-endian), the masked CRC-32C of those 8 bytes (uint32, little-endian), the
 * data, and the masked CRC-32C of the data.
 */
final class TfRecords {

  private TfRecords() {}

  /** One framed record: 8 + 4 + {@code data.length} + 4 bytes. */
  static byte[] frame(byte[] data) {
    byte[] out = new byte[data.length + 16];
    long length = data.length;
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (length >>> (8 * i));
    }
    putInt(out, 8, Crc32c.masked(out, 0, 8));
    System.arraycopy(data, 0, out, 12, data.length);
    putInt(out, 12 + data.length, Crc32c.masked(data, 0, data.length));
    return out;
  }

  /** Writes one framed record. */
  static void write(OutputStream out, byte[] data) throws IOException {
    out.write(frame(data));
  }

  /**
   * Every record of {@code in} until its end, each checked against its two CRCs.
   *
   * @throws IOException for a truncated record or a CRC that does not match, with the record's
   *     index and byte offset
   */
  static List<byte[]> readAll(InputStream in, String source) throws IOException {
    List<byte[]> records = new ArrayList<>();
    long offset = 0;
    byte[] header = new byte[12];
    while (true) {
      int got = in.readNBytes(header, 0, 12);
      if (got == 0) {
        return records;
      }
      if (got < 12) {
        throw new EOFException(source + ": record " + records.size() + " at byte " + offset
            + " is truncated (" + got + " of 12 header bytes)");
      }
      if (getInt(header, 8) != Crc32c.masked(header, 0, 8)) {
        throw new IOException(source + ": record " + records.size() + " at byte " + offset
            + ": the length's CRC does not match; the file is damaged or not an event file");
      }
      long length = 0;
      for (int i = 7; i >= 0; i--) {
        length = (length << 8) | (header[i] & 0xff);
      }
      if (length < 0 || length > Integer.MAX_VALUE - 16) {
        throw new IOException(source + ": record " + records.size() + " at byte " + offset
            + " claims " + Long.toUnsignedString(length) + " bytes");
      }
      byte[] data = in.readNBytes((int) length);
      byte[] footer = in.readNBytes(4);
      if (data.length < length || footer.length < 4) {
        throw new EOFException(source + ": record " + records.size() + " at byte " + offset
            + " is truncated (a writer still open, or a copy cut short)");
      }
      if (getInt(footer, 0) != Crc32c.masked(data, 0, data.length)) {
        throw new IOException(source + ": record " + records.size() + " at byte " + offset
            + ": the data's CRC does not match; the file is damaged");
      }
      records.add(data);
      offset += length + 16;
    }
  }

  static int getInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16
        | (b[at + 3] & 0xff) << 24;
  }

  private static void putInt(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }
}

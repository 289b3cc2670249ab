package dev.shapetorch.vision.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for the tests. */
final class IdxFiles {

  private IdxFiles() {}

  /** The bytes of an unsigned-byte IDX file of this shape and data. */
  static byte[] idx(int[] shape, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(0);
    out.write(0x08);
    out.write(shape.length);
    for (int s : shape) {
      out.write(s >>> 24);
      out.write(s >>> 16);
      out.write(s >>> 8);
      out.write(s);
    }
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] gzip(byte[] bytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(bytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Gzipped images {@code [n, 28, 28]} (image i filled with the value i) and labels {@code i %
   * 10}, as MNIST names them for the split.
   */
  static byte[][] mnistSplit(int n) {
    byte[] pixels = new byte[n * 28 * 28];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) i);
      labels[i] = (byte) (i % 10);
    }
    return new byte[][] {
      gzip(idx(new int[] {n, 28, 28}, pixels)), gzip(idx(new int[] {n}, labels))
    };
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

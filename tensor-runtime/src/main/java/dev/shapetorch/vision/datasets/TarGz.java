package dev.shapetorch.vision.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Extracts the regular files of a gzipped tar archive (ustar or GNU format), as datasets ship
 * them ({@code cifar-10-binary.tar.gz}). Entries whose names would leave the target directory
 * are refused; each file is written to a temporary name and moved into place. Package-private.
 */
final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  /**
   * Extracts {@code archive} into {@code dir}.
   *
   * @return the extracted files
   * @throws DatasetException if the archive is truncated, not gzip, or has an unsafe name
   */
  static List<Path> extract(Path archive, Path dir) {
    List<Path> out = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(
        new BufferedInputStream(Files.newInputStream(archive), 1 << 16))) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (true) {
        if (!readFully(in, header)) {
          break;
        }
        if (isZero(header)) {
          break;
        }
        String name = longName != null ? longName : name(header);
        longName = null;
        long size = octal(header, 124, 12, archive);
        char type = (char) header[156];
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        if (type == 'L') {
          byte[] bytes = new byte[(int) size];
          if (!readFully(in, bytes)) {
            throw truncated(archive);
          }
          longName = new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
          skip(in, padded - size, archive);
          continue;
        }
        if (type != '0' && type != '\0') {
          skip(in, padded, archive);
          continue;
        }
        Path target = dir.resolve(name).normalize();
        if (name.startsWith("/") || !target.startsWith(dir.normalize())) {
          throw new DatasetException(
              archive + " holds an entry named '" + name + "' outside the target directory;"
                  + " refusing to extract it");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
          try (OutputStream o = Files.newOutputStream(tmp)) {
            copy(in, o, size, archive);
          }
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
        skip(in, padded - size, archive);
        out.add(target);
      }
    } catch (ZipException e) {
      throw new DatasetException(archive + " is not a valid gzip file (" + e.getMessage() + ")", e);
    } catch (EOFException e) {
      throw truncated(archive);
    } catch (IOException e) {
      throw new DatasetException("cannot extract " + archive + ": " + e, e);
    }
    return out;
  }

  private static String name(byte[] h) {
    String name = field(h, 0, 100);
    String magic = field(h, 257, 6);
    if (magic.startsWith("ustar")) {
      String prefix = field(h, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
    }
    return name;
  }

  private static String field(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] h, int off, int len, Path archive) {
    String s = field(h, off, len).trim();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new DatasetException(archive + " is corrupt: a tar header has size '" + s + "'");
    }
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readFully(InputStream in, byte[] buf) throws IOException {
    int n = in.readNBytes(buf, 0, buf.length);
    if (n == 0) {
      return false;
    }
    if (n < buf.length) {
      throw new EOFException();
    }
    return true;
  }

  private static void copy(InputStream in, OutputStream out, long size, Path archive)
      throws IOException {
    byte[] buf = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw truncated(archive);
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long n, Path archive) throws IOException {
    long left = n;
    byte[] buf = new byte[BLOCK];
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        throw truncated(archive);
      }
      left -= r;
    }
  }

  private static DatasetException truncated(Path archive) {
    return new DatasetException(archive + " is truncated: the tar archive ends inside an entry;"
        + " delete it and download it again");
  }
}

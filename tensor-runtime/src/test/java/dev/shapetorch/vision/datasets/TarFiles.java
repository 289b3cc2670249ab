package dev.shapetorch.vision.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes small ustar archives for the tests (header layout from the POSIX ustar format). */
final class TarFiles {

  private TarFiles() {}

  static byte[] tar(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      byte[] h = new byte[512];
      put(h, 0, e.getKey());
      put(h, 100, "0000644");
      put(h, 108, "0000000");
      put(h, 116, "0000000");
      put(h, 124, String.format("%011o", e.getValue().length));
      put(h, 136, String.format("%011o", 0));
      h[156] = '0';
      put(h, 257, "ustar");
      put(h, 263, "00");
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      int sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, String.format("%06o", sum));
      h[154] = 0;
      h[155] = ' ';
      out.writeBytes(h);
      out.writeBytes(e.getValue());
      out.writeBytes(new byte[(512 - e.getValue().length % 512) % 512]);
    }
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }
}

package dev.shapetorch.monitor.tensorboard;

import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli), as TFRecord framing stores it: masked, {@code ((crc >>> 15) | (crc <<
 * 17)) + 0xa282ead8}, so that a CRC of data that itself holds CRCs stays well distributed.
 */
final class Crc32c {

  /** The constant TFRecord adds after rotating the CRC. */
  static final int MASK_DELTA = 0xa282ead8;

  private Crc32c() {}

  /** The plain CRC-32C of {@code data[offset, offset + length)}. */
  static int of(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  /** The masked CRC-32C of {@code data[offset, offset + length)}, as TFRecord stores it. */
  static int masked(byte[] data, int offset, int length) {
    return mask(of(data, offset, length));
  }

  /** TFRecord's mask of a CRC: rotate right by 15 bits, add {@link #MASK_DELTA}. */
  static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }
}

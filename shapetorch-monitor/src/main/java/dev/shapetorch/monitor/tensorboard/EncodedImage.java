package dev.shapetorch.monitor.tensorboard;

/**
 * An image as TensorBoard stores it ({@code Summary.Image}): its size, its number of channels
 * ({@code colorspace}: 1 grey, 3 RGB, 4 RGBA) and its encoded bytes (PNG).
 *
 * @param height rows of pixels
 * @param width columns of pixels
 * @param colorspace channels: 1, 3 or 4
 * @param encoded the PNG file's bytes
 */
public record EncodedImage(int height, int width, int colorspace, byte[] encoded) {

  /** Copies the bytes. */
  public EncodedImage {
    encoded = encoded.clone();
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedImage i && height == i.height && width == i.width
        && colorspace == i.colorspace && java.util.Arrays.equals(encoded, i.encoded);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encoded) * 31 + height * 17 + width;
  }

  @Override
  public String toString() {
    return "EncodedImage[" + height + "x" + width + "x" + colorspace + ", " + encoded.length
        + " bytes]";
  }

  ProtoWriter toProto() {
    return new ProtoWriter()
        .optionalVarint(1, height)
        .optionalVarint(2, width)
        .optionalVarint(3, colorspace)
        .bytes(4, encoded);
  }

  static EncodedImage fromProto(ProtoReader r) {
    int height = 0;
    int width = 0;
    int colorspace = 0;
    byte[] encoded = new byte[0];
    while (r.next()) {
      switch (r.field()) {
        case 1 -> height = (int) r.varint();
        case 2 -> width = (int) r.varint();
        case 3 -> colorspace = (int) r.varint();
        case 4 -> encoded = r.readBytes();
        default -> r.skip();
      }
    }
    return new EncodedImage(height, width, colorspace, encoded);
  }
}

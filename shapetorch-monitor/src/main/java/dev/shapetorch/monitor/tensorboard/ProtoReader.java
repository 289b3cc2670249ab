package dev.shapetorch.monitor.tensorboard;

import java.nio.charset.StandardCharsets;

/**
 * Reads a protocol buffer message field by field: {@link #next()} moves to the next field,
 * whose number is {@link #field()}, and one of the value methods reads it (or {@link #skip()}
 * passes over it). Unknown fields are skipped by the callers, as protobuf does.
 */
final class ProtoReader {

  private final byte[] data;
  private int position;
  private final int end;
  private int field;
  private int wireType;

  ProtoReader(byte[] data) {
    this(data, 0, data.length);
  }

  private ProtoReader(byte[] data, int from, int to) {
    this.data = data;
    this.position = from;
    this.end = to;
  }

  /** Moves to the next field; false at the message's end. */
  boolean next() {
    if (position >= end) {
      return false;
    }
    long key = varint();
    field = (int) (key >>> 3);
    wireType = (int) (key & 7);
    return true;
  }

  int field() {
    return field;
  }

  int wireType() {
    return wireType;
  }

  long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = data[checked(1)];
      position++;
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalStateException("a varint longer than 10 bytes at byte " + position);
  }

  double readDouble() {
    return Double.longBitsToDouble(fixed64());
  }

  float readFloat() {
    int at = checked(4);
    position += 4;
    return Float.intBitsToFloat(TfRecords.getInt(data, at));
  }

  byte[] readBytes() {
    int length = (int) varint();
    int at = checked(length);
    position += length;
    byte[] out = new byte[length];
    System.arraycopy(data, at, out, 0, length);
    return out;
  }

  String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  ProtoReader readMessage() {
    int length = (int) varint();
    int at = checked(length);
    position += length;
    return new ProtoReader(data, at, at + length);
  }

  /** A repeated double field, packed (wire type 2) or one value (wire type 1). */
  double[] readDoubles() {
    if (wireType == 1) {
      return new double[] {readDouble()};
    }
    int length = (int) varint();
    int at = checked(length);
    double[] out = new double[length / 8];
    for (int i = 0; i < out.length; i++) {
      position = at + 8 * i;
      out[i] = readDouble();
    }
    position = at + length;
    return out;
  }

  /** Passes over the current field's value. */
  void skip() {
    switch (wireType) {
      case 0 -> varint();
      case 1 -> position = checked(8) + 8;
      case 2 -> {
        int length = (int) varint();
        position = checked(length) + length;
      }
      case 5 -> position = checked(4) + 4;
      default -> throw new IllegalStateException(
          "wire type " + wireType + " of field " + field + " is not one protobuf 3 writes");
    }
  }

  private long fixed64() {
    int at = checked(8);
    position += 8;
    return (TfRecords.getInt(data, at) & 0xffffffffL) | ((long) TfRecords.getInt(data, at + 4) << 32);
  }

  private int checked(int length) {
    if (length < 0 || position + length > end) {
      throw new IllegalStateException("the message ends at byte " + end + ", before a value of "
          + length + " bytes at byte " + position);
    }
    return position;
  }
}

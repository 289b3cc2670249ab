package dev.shapetorch.monitor.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protocol buffer message, encoded field by field in the wire format (varints, fixed64,
 * fixed32, length-delimited). Callers add fields in field-number order, as protobuf's own
 * serialisers do, so the bytes equal theirs. The {@code optional...} methods leave out a proto3
 * field that holds its default (0, empty), as proto3 does for fields without presence.
 */
final class ProtoWriter {

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A varint field (int32, int64, enum), always written. */
  ProtoWriter varint(int field, long value) {
    key(field, VARINT);
    rawVarint(value);
    return this;
  }

  /** A varint field, left out when 0. */
  ProtoWriter optionalVarint(int field, long value) {
    return value == 0 ? this : varint(field, value);
  }

  /** A double field, always written. */
  ProtoWriter doubleField(int field, double value) {
    key(field, FIXED64);
    long bits = Double.doubleToRawLongBits(value);
    for (int i = 0; i < 8; i++) {
      out.write((int) (bits >>> (8 * i)));
    }
    return this;
  }

  /** A double field, left out when its bits are 0 (+0.0), as proto3 does. */
  ProtoWriter optionalDouble(int field, double value) {
    return Double.doubleToRawLongBits(value) == 0 ? this : doubleField(field, value);
  }

  /** A float field, always written (a member of a oneof has presence). */
  ProtoWriter floatField(int field, float value) {
    key(field, FIXED32);
    int bits = Float.floatToRawIntBits(value);
    for (int i = 0; i < 4; i++) {
      out.write(bits >>> (8 * i));
    }
    return this;
  }

  /** A string field (UTF-8), left out when empty. */
  ProtoWriter optionalString(int field, String value) {
    return value.isEmpty() ? this : bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A bytes field, always written. */
  ProtoWriter bytes(int field, byte[] value) {
    key(field, LENGTH_DELIMITED);
    rawVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  /** An embedded message, always written. */
  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  /** A packed repeated double field, left out when empty. */
  ProtoWriter packedDoubles(int field, double[] values) {
    if (values.length == 0) {
      return this;
    }
    ProtoWriter packed = new ProtoWriter();
    for (double v : values) {
      long bits = Double.doubleToRawLongBits(v);
      for (int i = 0; i < 8; i++) {
        packed.out.write((int) (bits >>> (8 * i)));
      }
    }
    return message(field, packed);
  }

  /** The message's bytes. */
  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void key(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  private void rawVarint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}

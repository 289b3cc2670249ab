package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.UserCall;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.bytedeco.pytorch.global.torch;

/** Copies between Java arrays and tensor memory. Package-private. */
final class TensorData {

  private TensorData() {}

  /**
   * The product of {@code sizes} (none negative) times {@code itemSize}, or -1 if it does not fit
   * in a long.
   */
  private static long elementCount(long[] sizes, long itemSize) {
    for (long s : sizes) {
      if (s == 0) {
        return 0;
      }
    }
    long n = itemSize;
    for (long s : sizes) {
      if (n > Long.MAX_VALUE / s) {
        return -1;
      }
      n *= s;
    }
    return n;
  }

  /** A new CPU tensor of this dtype and shape holding a copy of {@code data}. */
  static Tensor fromArray(String op, Object data, int length, DType dtype, long[] shape) {
    for (long s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException(
            UserCall.attribute(op) + ": negative size " + s + " in shape " + java.util.Arrays.toString(shape));
      }
    }
    long n = elementCount(shape, 1);
    if (n != length) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": " + length + " values do not fill shape " + java.util.Arrays.toString(shape)
              + ", which holds " + (n < 0 ? "more than " + Long.MAX_VALUE : n)
              + "; pass as many values as the product of the sizes");
    }
    org.bytedeco.pytorch.Tensor t = torch.empty(shape, Natives.options(dtype), Natives.NO_MEMORY_FORMAT);
    if (length > 0) {
      Pointer p = t.data_ptr();
      switch (dtype) {
        case FLOAT32:
          new FloatPointer(p).put((float[]) data);
          break;
        case FLOAT64:
          new DoublePointer(p).put((double[]) data);
          break;
        case INT64:
          new LongPointer(p).put((long[]) data);
          break;
        case INT32:
          new IntPointer(p).put((int[]) data);
          break;
        case BOOL:
          boolean[] b = (boolean[]) data;
          BytePointer bp = new BytePointer(p);
          for (int i = 0; i < b.length; i++) {
            bp.put(i, b[i] ? (byte) 1 : (byte) 0);
          }
          break;
        default:
          throw new IllegalArgumentException(UserCall.attribute(op) + ": no Java array type for " + dtype);
      }
    }
    return Tensor.wrap(t);
  }

  /**
   * The tensor's values on the CPU, contiguous, converted to {@code type}: the tensor's own handle
   * when it already is so (then {@code owned} is false), else a new native tensor to close.
   */
  private static org.bytedeco.pytorch.Tensor cpuContiguous(Tensor src, ScalarType type) {
    org.bytedeco.pytorch.Tensor h = Natives.h(src, "src");
    org.bytedeco.pytorch.Tensor x = h;
    if (!src.device().isCpu()) {
      x = x.cpu();
    }
    if (x.scalar_type() != type) {
      org.bytedeco.pytorch.Tensor y = x.to(type);
      if (x != h) {
        x.close();
      }
      x = y;
    }
    if (!x.is_contiguous()) {
      org.bytedeco.pytorch.Tensor y = x.contiguous();
      if (x != h) {
        x.close();
      }
      x = y;
    }
    return x;
  }

  private static int length(Tensor t) {
    long n = t.numel();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "tensor of " + n + " elements does not fit in a Java array; read it in slices");
    }
    return (int) n;
  }

  static float[] toFloatArray(Tensor t) {
    float[] out = new float[length(t)];
    org.bytedeco.pytorch.Tensor x = cpuContiguous(t, ScalarType.Float);
    try {
      if (out.length > 0) {
        new FloatPointer(x.data_ptr()).get(out);
      }
    } finally {
      if (x != t.h()) {
        x.close();
      }
    }
    return out;
  }

  static double[] toDoubleArray(Tensor t) {
    double[] out = new double[length(t)];
    org.bytedeco.pytorch.Tensor x = cpuContiguous(t, ScalarType.Double);
    try {
      if (out.length > 0) {
        new DoublePointer(x.data_ptr()).get(out);
      }
    } finally {
      if (x != t.h()) {
        x.close();
      }
    }
    return out;
  }

  static long[] toLongArray(Tensor t) {
    long[] out = new long[length(t)];
    org.bytedeco.pytorch.Tensor x = cpuContiguous(t, ScalarType.Long);
    try {
      if (out.length > 0) {
        new LongPointer(x.data_ptr()).get(out);
      }
    } finally {
      if (x != t.h()) {
        x.close();
      }
    }
    return out;
  }

  static int[] toIntArray(Tensor t) {
    int[] out = new int[length(t)];
    org.bytedeco.pytorch.Tensor x = cpuContiguous(t, ScalarType.Int);
    try {
      if (out.length > 0) {
        new IntPointer(x.data_ptr()).get(out);
      }
    } finally {
      if (x != t.h()) {
        x.close();
      }
    }
    return out;
  }

  static boolean[] toBooleanArray(Tensor t) {
    boolean[] out = new boolean[length(t)];
    org.bytedeco.pytorch.Tensor x = cpuContiguous(t, ScalarType.Bool);
    try {
      if (out.length > 0) {
        BytePointer p = new BytePointer(x.data_ptr());
        for (int i = 0; i < out.length; i++) {
          out[i] = p.get(i) != 0;
        }
      }
    } finally {
      if (x != t.h()) {
        x.close();
      }
    }
    return out;
  }

  /**
   * A new CPU tensor of {@code dtype} and {@code shape} holding a copy of {@code
   * data[offset..offset+length)}, read as little-endian row-major elements (the body of {@link
   * Torch#frombuffer}).
   *
   * @throws IllegalArgumentException if a size is negative, the range lies outside {@code data},
   *     or {@code length} is not the shape's element count times the item size
   */
  static Tensor fromBytes(
      String op, byte[] data, int offset, int length, DType dtype, long... shape) {
    Arguments.requireNonNull(data, "data");
    Arguments.requireNonNull(dtype, "dtype");
    Arguments.requireNonNull(shape, "shape");
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": range [" + offset + ", " + ((long) offset + length) + ") lies outside an array of "
              + data.length + " bytes");
    }
    for (long s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException(
            UserCall.attribute(op) + ": negative size " + s + " in shape " + Arrays.toString(shape));
      }
    }
    long expected = elementCount(shape, dtype.itemSize());
    if (expected != length) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": " + length + " bytes do not fill shape " + Arrays.toString(shape) + " of "
              + dtype + ", which takes " + (expected < 0 ? "more than " + Long.MAX_VALUE : expected)
              + " bytes");
    }
    org.bytedeco.pytorch.Tensor t =
        torch.empty(shape, Natives.options(dtype), Natives.NO_MEMORY_FORMAT);
    if (length > 0) {
      byte[] le = data;
      int from = offset;
      if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN && dtype.itemSize() > 1) {
        le = swapped(data, offset, length, dtype.itemSize());
        from = 0;
      }
      new BytePointer(t.data_ptr()).put(le, from, length);
    }
    return Tensor.wrap(t);
  }

  /**
   * The tensor's elements as little-endian bytes, row-major (a copy; the tensor may live on any
   * device and need not be contiguous).
   *
   * <p>Shape: every element, {@code numel() * dtype().itemSize()} bytes.
   *
   * @throws IllegalStateException if the tensor has more than about 2 GB of data
   */
  static byte[] toBytes(Tensor tensor) {
    long bytes = Math.multiplyExact(tensor.numel(), (long) tensor.dtype().itemSize());
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          UserCall.attribute("Tensor.toBytes") + ": " + bytes + " bytes do not fit in a Java array; write the tensor in"
              + " slices (narrow) instead");
    }
    byte[] out = new byte[(int) bytes];
    org.bytedeco.pytorch.Tensor h = Natives.h(tensor, "tensor");
    org.bytedeco.pytorch.Tensor x = h;
    try {
      if (!tensor.device().isCpu()) {
        x = x.cpu();
      }
      if (!x.is_contiguous()) {
        org.bytedeco.pytorch.Tensor y = x.contiguous();
        if (x != h) {
          x.close();
        }
        x = y;
      }
      if (out.length > 0) {
        new BytePointer(x.data_ptr()).get(out);
      }
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.toBytes", e, tensor);
    } finally {
      if (x != h) {
        x.close();
      }
    }
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN && tensor.dtype().itemSize() > 1) {
      return swapped(out, 0, out.length, tensor.dtype().itemSize());
    }
    return out;
  }

  private static byte[] swapped(byte[] data, int offset, int length, int itemSize) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i += itemSize) {
      for (int j = 0; j < itemSize; j++) {
        out[i + j] = data[offset + i + itemSize - 1 - j];
      }
    }
    return out;
  }
}

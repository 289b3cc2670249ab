package dev.shapetorch.tensor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Copies between Java arrays and tensor memory. Package-private. */
final class TensorData {

  private TensorData() {}

  /** A new CPU tensor of this dtype and shape holding a copy of {@code data}. */
  static Tensor fromArray(String op, Object data, int length, DType dtype, long[] shape) {
    long n = 1;
    for (long s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException(
            op + ": negative size " + s + " in shape " + java.util.Arrays.toString(shape));
      }
      n = Math.multiplyExact(n, s);
    }
    if (n != length) {
      throw new IllegalArgumentException(
          op + ": " + length + " values do not fill shape " + java.util.Arrays.toString(shape)
              + ", which holds " + n + "; pass as many values as the product of the sizes");
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
          throw new IllegalArgumentException(op + ": no Java array type for " + dtype);
      }
    }
    return Tensor.wrap(t);
  }

  /**
   * The tensor's values on the CPU, contiguous, converted to {@code type}: the tensor's own handle
   * when it already is so (then {@code owned} is false), else a new native tensor to close.
   */
  private static org.bytedeco.pytorch.Tensor cpuContiguous(Tensor src, ScalarType type) {
    org.bytedeco.pytorch.Tensor h = src.h();
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
}

package dev.shapetorch.tensor;

import java.nio.ByteOrder;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.global.torch;

/**
 * Tensors to and from their raw bytes: little-endian, row-major, {@code dtype.itemSize()} bytes
 * per element, as file formats store them (safetensors, IDX after byte-swapping, CIFAR's binary
 * batches). The counterpart of PyTorch's {@code torch.frombuffer} and {@code
 * tensor.numpy().tobytes()}; it works for every {@link DType}, including those Java has no array
 * type for (float16, bfloat16, uint8).
 *
 * <pre>{@code
 * Tensor images = RawBytes.fromBytes(pixels, 0, pixels.length, DType.UINT8, 60000, 28, 28);
 * byte[] back = RawBytes.toBytes(images);
 * }</pre>
 *
 * <p>Shape: {@code fromBytes} makes exactly the given sizes; {@code toBytes} keeps every element.
 */
public final class RawBytes {

  private RawBytes() {}

  /**
   * A new CPU tensor of {@code dtype} and {@code shape} holding a copy of {@code
   * data[offset..offset+length)}, read as little-endian elements.
   *
   * <p>Shape: {@code shape}.
   *
   * @throws IllegalArgumentException if a size is negative, the range lies outside {@code data},
   *     or {@code length} is not the shape's element count times the item size
   */
  public static Tensor fromBytes(byte[] data, int offset, int length, DType dtype, long... shape) {
    String op = "RawBytes.fromBytes";
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException(
          op + ": range [" + offset + ", " + ((long) offset + length) + ") lies outside an array of "
              + data.length + " bytes");
    }
    long n = 1;
    for (long s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException(
            op + ": negative size " + s + " in shape " + Arrays.toString(shape));
      }
      n = Math.multiplyExact(n, s);
    }
    long expected = Math.multiplyExact(n, (long) dtype.itemSize());
    if (expected != length) {
      throw new IllegalArgumentException(
          op + ": " + length + " bytes do not fill shape " + Arrays.toString(shape) + " of "
              + dtype + ", which takes " + expected + " bytes");
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
  public static byte[] toBytes(Tensor tensor) {
    long bytes = Math.multiplyExact(tensor.numel(), (long) tensor.dtype().itemSize());
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "RawBytes.toBytes: " + bytes + " bytes do not fit in a Java array; write the tensor in"
              + " slices (narrow) instead");
    }
    byte[] out = new byte[(int) bytes];
    org.bytedeco.pytorch.Tensor h = tensor.h();
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
      throw Natives.fail("RawBytes.toBytes", e, tensor);
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

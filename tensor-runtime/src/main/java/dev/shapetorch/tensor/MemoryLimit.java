package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.TensorShape;
import java.lang.management.ManagementFactory;

/**
 * The size limit ShapeTorch checks before it allocates: a tensor whose bytes overflow a {@code
 * long}, or exceed this machine's physical memory and swap together, cannot exist, and asking
 * libtorch for it can crash the process or keep it busy for minutes. Such a request is refused
 * with an {@link IllegalArgumentException} naming the op, the shape and the limit. Ops with a
 * shape rule check their result; factories and layers check what they allocate.
 *
 * <pre>{@code
 * MemoryLimit.require("MyModel", "the embedding table", new long[] {vocab, dim}, DType.FLOAT32);
 * }</pre>
 */
public final class MemoryLimit {

  private static final long LIMIT = machineBytes();

  private MemoryLimit() {}

  /** Physical memory plus swap, or {@code Long.MAX_VALUE} where the JVM cannot tell. */
  private static long machineBytes() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long total = os.getTotalMemorySize() + Math.max(0, os.getTotalSwapSpaceSize());
      return total > 0 ? total : Long.MAX_VALUE;
    }
    return Long.MAX_VALUE;
  }

  /** The limit in bytes: this machine's physical memory plus swap, as the JVM reports them. */
  public static long bytes() {
    return LIMIT;
  }

  /**
   * Checks that a tensor of these sizes and dtype can exist on this machine.
   *
   * @param op the op or layer to name in the message ({@code "LSTM"})
   * @param what what is allocated, for the message ({@code "the parameters"})
   * @throws IllegalArgumentException naming {@code op}, the shape and the limit if its bytes
   *     overflow a {@code long} or exceed {@link #bytes()}
   */
  public static void require(String op, String what, long[] sizes, DType dtype) {
    Arguments.requireNonNull(op, "op");
    Arguments.requireNonNull(what, "what");
    Arguments.requireNonNull(sizes, "sizes");
    check(op, what, sizes, Arguments.requireNonNull(dtype, "dtype").itemSize());
  }

  /**
   * Checks a result shape of {@code itemSize}-byte elements; unknown sizes pass.
   *
   * @throws IllegalArgumentException naming {@code op} if it cannot be allocated
   */
  static void check(String op, TensorShape shape, long itemSize) {
    if (shape.hasVariadic()) {
      return;
    }
    long[] sizes = new long[shape.rank()];
    for (int i = 0; i < sizes.length; i++) {
      if (!shape.dim(i).isConstant()) {
        return;
      }
      sizes[i] = shape.dim(i).constantValue();
    }
    check(op, "the result", sizes, itemSize);
  }

  /**
   * Checks {@code what} (for messages: "the result", "the parameters") of these sizes.
   *
   * @throws IllegalArgumentException naming {@code op} if it cannot be allocated
   */
  static void check(String op, String what, long[] sizes, long itemSize) {
    long bytes = itemSize;
    for (long s : sizes) {
      if (s <= 0) {
        return; // empty (or invalid: the op's own check reports it)
      }
      if (bytes > Long.MAX_VALUE / s) {
        throw tooLarge(op, what, sizes, "more bytes than a 64-bit size can count");
      }
      bytes *= s;
    }
    requireBytes(op, what, sizes, bytes);
  }

  private static void requireBytes(String op, String what, long[] sizes, long bytes) {
    if (bytes > LIMIT) {
      throw tooLarge(op, what, sizes, bytes + " bytes, more than this machine's " + LIMIT
          + " bytes of memory and swap");
    }
  }

  private static IllegalArgumentException tooLarge(
      String op, String what, long[] sizes, String need) {
    return new IllegalArgumentException(UserCall.attribute(op) + ": " + what + " of shape "
        + java.util.Arrays.toString(sizes) + " would need " + need
        + "; check the sizes, strides and paddings passed");
  }
}

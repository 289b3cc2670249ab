package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.MemoryChecks;
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
    MemoryChecks.check(op, what, sizes, Arguments.requireNonNull(dtype, "dtype").itemSize());
  }
}

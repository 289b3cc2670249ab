package dev.shapetorch.nn.attention;

import dev.shapetorch.tensor.MemoryLimit;
import java.util.function.LongSupplier;

/**
 * The check that a transformer's parameters can exist before the first of them is made: sizes
 * that pass every other check can still ask for more memory than the machine has (a {@code
 * dModel} of 20,000 is 6.4 GB a layer), and then libtorch's allocator fails deep inside a
 * {@code Linear}, or the process is killed, instead of the constructor naming the problem.
 *
 * <p>Shape: counts float32 elements: an attention block {@code 4*d^2 + 4*d}, the feed-forward
 * part {@code 2*d*ff + ff + d}, a norm {@code 2*d}, and about 1 KiB of bookkeeping for each
 * tensor (so that millions of tiny layers are refused too).
 */
final class LayerMemory {
  /** About 1 KiB per parameter tensor, counted in float32 elements. */
  private static final long PER_TENSOR_OVERHEAD = 256;

  private LayerMemory() {}

  /**
   * The parameter elements of {@code numLayers} layers of {@code attentionBlocks} attention
   * blocks and {@code norms} norms each.
   *
   * @throws ArithmeticException if the count overflows a long
   */
  static long elements(long numLayers, long d, long ff, int attentionBlocks, int norms) {
    long attention = Math.addExact(Math.multiplyExact(4, Math.multiplyExact(d, d)),
        Math.multiplyExact(4, d));
    long feedForward = Math.addExact(Math.multiplyExact(2, Math.multiplyExact(d, ff)),
        Math.addExact(ff, d));
    long tensors = 4L * attentionBlocks + 4 + 2L * norms;
    long layer = Math.addExact(Math.addExact(Math.multiplyExact(attentionBlocks, attention),
        feedForward), Math.addExact(Math.multiplyExact(norms, Math.multiplyExact(2, d)),
        tensors * PER_TENSOR_OVERHEAD));
    return Math.multiplyExact(numLayers, layer);
  }

  /**
   * Refuses parameters of {@code elements} float32 values that overflow or exceed the machine's
   * memory ({@link MemoryLimit#bytes()}).
   *
   * @param what the layers and sizes, for the message
   * @throws IllegalArgumentException naming {@code op}, the sizes and the limit
   */
  static void require(String op, String what, LongSupplier elements) {
    long bytes;
    try {
      bytes = Math.multiplyExact(elements.getAsLong(), 4);
    } catch (ArithmeticException e) {
      bytes = Long.MAX_VALUE;
    }
    if (bytes > MemoryLimit.bytes()) {
      throw new IllegalArgumentException(op + ": the parameters of " + what + " need "
          + (bytes == Long.MAX_VALUE ? "more bytes than a long counts" : gib(bytes))
          + ", more than this machine's memory (" + gib(MemoryLimit.bytes()) + "); use a"
          + " smaller dModel or dimFeedforward, or fewer layers");
    }
  }

  private static String gib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}

package dev.shapetorch.internal;

import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.MemoryLimit;

/**
 * The checks behind {@link MemoryLimit}: whether a tensor of given sizes and element size can
 * exist on this machine ({@link MemoryLimit#bytes()}), refused with an {@link
 * IllegalArgumentException} under the op the user called. {@link Guard#rule} checks every rule's
 * result with it; {@link MemoryLimit#require} is the public form.
 *
 * <p>Internal: public only for ShapeTorch's packages; not API.
 */
public final class MemoryChecks {

  private MemoryChecks() {}

  /**
   * Checks a result shape of {@code itemSize}-byte elements; unknown sizes pass.
   *
   * @throws IllegalArgumentException naming {@code op} if it cannot be allocated
   */
  public static void check(String op, TensorShape shape, long itemSize) {
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
  public static void check(String op, String what, long[] sizes, long itemSize) {
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
    long limit = MemoryLimit.bytes();
    if (bytes > limit) {
      throw tooLarge(op, what, sizes, bytes + " bytes, more than this machine's " + limit
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

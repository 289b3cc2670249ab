package dev.shapetorch.backprop.internal;

/**
 * Builds a whole gradient from per-part contributions: used when a value was split into parts
 * (a list into its elements) and only some parts received gradients.
 */
@FunctionalInterface
public interface PartAssembler {
  /**
   * The whole gradient.
   *
   * @param wholeValue the value of the entry that was split (for the zeros of missing parts)
   * @param parts the parts' gradients, {@code null} where no gradient reached the part
   */
  Object assemble(Object wholeValue, Object[] parts);
}

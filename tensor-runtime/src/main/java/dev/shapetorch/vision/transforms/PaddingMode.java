package dev.shapetorch.vision.transforms;

/**
 * How {@link TF#pad} fills the border, torchvision's {@code padding_mode}.
 *
 * <p>Shape: not applicable (an option).
 */
public enum PaddingMode {
  /** A constant value ({@code fill}). */
  CONSTANT,
  /** The last value at the edge repeated ({@code "edge"}). */
  EDGE,
  /** The image mirrored without repeating the edge: {@code 3 2 | 1 2 3 4 | 3 2}. */
  REFLECT,
  /** The image mirrored with the edge repeated: {@code 2 1 | 1 2 3 4 | 4 3}. */
  SYMMETRIC
}

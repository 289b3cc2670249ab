package dev.shapetorch.nn.functional;

/** How {@link F#interpolate} computes new pixels: PyTorch's {@code mode} strings. */
public enum InterpolationMode {
  /** The nearest input pixel ({@code "nearest"}). */
  NEAREST,
  /** Linear in both spatial directions ({@code "bilinear"}). */
  BILINEAR
}

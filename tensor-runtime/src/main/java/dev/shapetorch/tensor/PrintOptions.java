package dev.shapetorch.tensor;

/**
 * How tensors print ({@link Tensor#toString()}), as the arguments of PyTorch's {@code
 * torch.set_printoptions}: digits after the point, how many elements make a tensor summarised
 * with {@code ...}, how many are shown at each edge of a summarised dimension, the line width,
 * and whether floats print in scientific notation (null: decided per tensor, as PyTorch does).
 * Set them with {@link Torch#setPrintOptions(PrintOptions)}:
 *
 * <pre>{@code
 * Torch.setPrintOptions(PrintOptions.DEFAULT.withPrecision(2));   // set_printoptions(precision=2)
 * Torch.setPrintOptions(PrintOptions.FULL);                       // set_printoptions(profile="full")
 * }</pre>
 *
 * @param precision digits after the decimal point (and of the mantissa in scientific notation)
 * @param threshold a tensor with more elements than this prints summarised
 * @param edgeItems the elements shown at each end of a summarised dimension
 * @param lineWidth the characters per line before a line is broken
 * @param sciMode true or false to force or forbid scientific notation for floats; null to let
 *     each tensor's values decide (PyTorch's {@code sci_mode=None})
 */
public record PrintOptions(int precision, long threshold, int edgeItems, int lineWidth,
    Boolean sciMode) {

  /** PyTorch's defaults ({@code profile="default"}): precision 4, threshold 1000, 3, 80. */
  public static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, null);

  /** PyTorch's {@code profile="short"}: precision 2, threshold 1000, 2 edge items, width 80. */
  public static final PrintOptions SHORT = new PrintOptions(2, 1000, 2, 80, null);

  /** PyTorch's {@code profile="full"}: every element, precision 4, width 80. */
  public static final PrintOptions FULL = new PrintOptions(4, Long.MAX_VALUE, 3, 80, null);

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException if {@code precision} is negative or above 30, {@code
   *     threshold} is negative, {@code edgeItems} is below 1, or {@code lineWidth} is below 1
   */
  public PrintOptions {
    if (precision < 0 || precision > 30) {
      throw new IllegalArgumentException("PrintOptions: precision " + precision
          + " must be between 0 and 30 digits");
    }
    if (threshold < 0) {
      throw new IllegalArgumentException("PrintOptions: threshold " + threshold
          + " must be 0 or more elements (Long.MAX_VALUE: never summarise)");
    }
    if (edgeItems < 1) {
      throw new IllegalArgumentException("PrintOptions: edgeItems " + edgeItems
          + " must be 1 or more");
    }
    if (lineWidth < 1) {
      throw new IllegalArgumentException("PrintOptions: lineWidth " + lineWidth
          + " must be 1 or more characters");
    }
  }

  /** These options with {@code precision} digits ({@code precision=}). */
  public PrintOptions withPrecision(int newPrecision) {
    return new PrintOptions(newPrecision, threshold, edgeItems, lineWidth, sciMode);
  }

  /** These options summarising above {@code newThreshold} elements ({@code threshold=}). */
  public PrintOptions withThreshold(long newThreshold) {
    return new PrintOptions(precision, newThreshold, edgeItems, lineWidth, sciMode);
  }

  /** These options showing {@code newEdgeItems} at each edge ({@code edgeitems=}). */
  public PrintOptions withEdgeItems(int newEdgeItems) {
    return new PrintOptions(precision, threshold, newEdgeItems, lineWidth, sciMode);
  }

  /** These options breaking lines at {@code newLineWidth} characters ({@code linewidth=}). */
  public PrintOptions withLineWidth(int newLineWidth) {
    return new PrintOptions(precision, threshold, edgeItems, newLineWidth, sciMode);
  }

  /** These options with scientific notation forced, forbidden or (null) automatic ({@code sci_mode=}). */
  public PrintOptions withSciMode(Boolean newSciMode) {
    return new PrintOptions(precision, threshold, edgeItems, lineWidth, newSciMode);
  }
}

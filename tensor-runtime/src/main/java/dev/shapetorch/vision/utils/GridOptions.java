package dev.shapetorch.vision.utils;

import java.util.Arrays;

/**
 * How {@link VisionUtils#makeGrid(dev.shapetorch.tensor.Tensor, GridOptions)} lays out a batch of
 * images, with torchvision's {@code make_grid} keywords and defaults ({@link #defaults()}: 8 per
 * row, 2 pixels of padding, no normalisation, padding value 0). Change one with a {@code withX}
 * copy: {@code GridOptions.defaults().withNrow(4).withNormalize(true)}.
 *
 * @param nrow images per row ({@code nrow}); the grid has {@code ceil(N / nrow)} rows
 * @param padding pixels between the images and around the grid ({@code padding})
 * @param normalize shift and scale the values to [0, 1] ({@code normalize}): by {@link
 *     #valueRange()} when set, else by the batch's (or, with {@link #scaleEach()}, each image's)
 *     minimum and maximum
 * @param valueRange the {@code [low, high]} that {@code normalize} maps to [0, 1] after clamping
 *     to it ({@code value_range}), or null for the values' own range
 * @param scaleEach normalise each image by its own range rather than the batch's ({@code
 *     scale_each})
 * @param padValue the value of the padding pixels ({@code pad_value})
 */
public record GridOptions(
    int nrow, int padding, boolean normalize, double[] valueRange, boolean scaleEach,
    double padValue) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code nrow < 1}, {@code padding < 0}, or {@code
   *     valueRange} is not two finite values with {@code low <= high}
   */
  public GridOptions {
    if (nrow < 1) {
      throw new IllegalArgumentException(
          "GridOptions: nrow " + nrow + " must be at least 1 (images per row)");
    }
    if (padding < 0) {
      throw new IllegalArgumentException(
          "GridOptions: padding " + padding + " must be 0 or more pixels");
    }
    if (valueRange != null) {
      if (valueRange.length != 2 || !Double.isFinite(valueRange[0])
          || !Double.isFinite(valueRange[1]) || valueRange[0] > valueRange[1]) {
        throw new IllegalArgumentException("GridOptions: valueRange " + Arrays.toString(valueRange)
            + " must be two finite values {low, high} with low <= high, e.g. {-1, 1}");
      }
      valueRange = valueRange.clone();
    }
  }

  /** torchvision's defaults: {@code nrow=8, padding=2, normalize=False, pad_value=0}. */
  public static GridOptions defaults() {
    return new GridOptions(8, 2, false, null, false, 0);
  }

  /** A copy with {@code nrow} images per row. */
  public GridOptions withNrow(int nrow) {
    return new GridOptions(nrow, padding, normalize, valueRange, scaleEach, padValue);
  }

  /** A copy with {@code padding} pixels between and around the images. */
  public GridOptions withPadding(int padding) {
    return new GridOptions(nrow, padding, normalize, valueRange, scaleEach, padValue);
  }

  /** A copy that normalises (or not) the values to [0, 1]. */
  public GridOptions withNormalize(boolean normalize) {
    return new GridOptions(nrow, padding, normalize, valueRange, scaleEach, padValue);
  }

  /**
   * A copy that normalises by {@code [low, high]}: values are clamped to it and mapped to [0, 1]
   * (sets {@link #normalize()}, which torchvision requires for {@code value_range} to apply).
   */
  public GridOptions withValueRange(double low, double high) {
    return new GridOptions(nrow, padding, true, new double[] {low, high}, scaleEach, padValue);
  }

  /** A copy that normalises each image by its own range (with {@link #normalize()}). */
  public GridOptions withScaleEach(boolean scaleEach) {
    return new GridOptions(nrow, padding, normalize, valueRange, scaleEach, padValue);
  }

  /** A copy whose padding pixels have the value {@code padValue}. */
  public GridOptions withPadValue(double padValue) {
    return new GridOptions(nrow, padding, normalize, valueRange, scaleEach, padValue);
  }

  @Override
  public double[] valueRange() {
    return valueRange == null ? null : valueRange.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GridOptions g && nrow == g.nrow && padding == g.padding
        && normalize == g.normalize && Arrays.equals(valueRange, g.valueRange)
        && scaleEach == g.scaleEach && Double.compare(padValue, g.padValue) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {nrow, padding, normalize ? 1 : 0, scaleEach ? 1 : 0,
        padValue, valueRange == null ? Double.NaN : valueRange[0],
        valueRange == null ? Double.NaN : valueRange[1]});
  }

  @Override
  public String toString() {
    return "GridOptions[nrow=" + nrow + ", padding=" + padding + ", normalize=" + normalize
        + ", valueRange=" + Arrays.toString(valueRange) + ", scaleEach=" + scaleEach
        + ", padValue=" + padValue + "]";
  }
}

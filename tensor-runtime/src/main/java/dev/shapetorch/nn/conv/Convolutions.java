package dev.shapetorch.nn.conv;

import dev.shapetorch.nn.internal.Checks;

/** What the three convolution layers share (PyTorch's {@code _ConvNd}): checks and printing. */
final class Convolutions {
  private Convolutions() {}

  /**
   * The checks every convolution's {@code Spec} makes, under {@code layer}'s name; a size per
   * spatial dim is given as the smallest.
   *
   * @throws IllegalArgumentException for non-positive sizes, negative padding or channels that
   *     {@code groups} does not divide
   */
  static void check(String layer, long in, long out, long kernel, long stride, long padding,
      long dilation, long groups) {
    Checks.positive(layer, "in", in);
    Checks.positive(layer, "out", out);
    Checks.positive(layer, "kernel", kernel);
    Checks.positive(layer, "stride", stride);
    Checks.nonNegative(layer, "padding", padding);
    Checks.positive(layer, "dilation", dilation);
    Checks.groups(layer, in, out, groups);
  }

  /**
   * How PyTorch prints a convolution ({@code _ConvNd.extra_repr}): channels, kernel and stride
   * always; padding, dilation and output padding where they differ from their defaults, in that
   * order; groups other than 1; no bias.
   */
  static String repr(String layer, long in, long out, long[] kernel, long[] stride, long[] padding,
      long[] dilation, long[] outputPadding, long groups, boolean bias) {
    StringBuilder sb = new StringBuilder(layer).append('(').append(in).append(", ").append(out)
        .append(", kernel_size=").append(Checks.tuple(kernel))
        .append(", stride=").append(Checks.tuple(stride));
    if (!all(padding, 0)) {
      sb.append(", padding=").append(Checks.tuple(padding));
    }
    if (!all(dilation, 1)) {
      sb.append(", dilation=").append(Checks.tuple(dilation));
    }
    if (!all(outputPadding, 0)) {
      sb.append(", output_padding=").append(Checks.tuple(outputPadding));
    }
    if (groups != 1) {
      sb.append(", groups=").append(groups);
    }
    if (!bias) {
      sb.append(", bias=False");
    }
    return sb.append(')').toString();
  }

  private static boolean all(long[] values, long v) {
    for (long x : values) {
      if (x != v) {
        return false;
      }
    }
    return true;
  }
}

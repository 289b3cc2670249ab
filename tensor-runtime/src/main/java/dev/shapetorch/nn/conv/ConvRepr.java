package dev.shapetorch.nn.conv;

import dev.shapetorch.nn.internal.Checks;

/**
 * How PyTorch prints a convolution ({@code _ConvNd.extra_repr}), for the three layers: channels,
 * kernel and stride always; padding, dilation and output padding where they differ from their
 * defaults, in that order; groups other than 1; no bias.
 */
final class ConvRepr {
  private ConvRepr() {}

  static String of(String layer, long in, long out, long[] kernel, long[] stride, long[] padding,
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

package dev.shapetorch.nn.conv;

import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import java.util.ArrayList;
import java.util.List;

/** What the convolution layers share (PyTorch's {@code _ConvNd}): checks and printing. */
final class Convolutions {
  private Convolutions() {}

  /**
   * The checks every convolution's {@code Spec} makes, under {@code layer}'s name: {@link
   * Rule#CONV_CONTRACT}, the rule the checker runs on the constructor's constant arguments, one
   * value per spatial dim of kernel, stride, padding and dilation.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.conv.params]} for non-positive
   *     sizes, negative padding or channels that {@code groups} does not divide
   */
  static void check(String layer, long in, long out, long[] kernel, long[] stride,
      long[] padding, long[] dilation, long groups) {
    Guard.declared(Rule.CONV_CONTRACT, layer, new RuleArg.IntArg(DimExpr.of(in)),
        new RuleArg.IntArg(DimExpr.of(out)), ints(kernel), ints(stride), ints(padding),
        ints(dilation), new RuleArg.IntArg(DimExpr.of(groups)));
  }

  /**
   * The check a transposed convolution adds: each output padding not negative and smaller than
   * its dim's stride or dilation (PyTorch's rule), under {@code layer}'s name.
   *
   * @throws IllegalArgumentException naming the output padding, stride and dilation
   */
  static void checkOutputPadding(String layer, long[] outputPadding, long[] stride,
      long[] dilation) {
    for (int i = 0; i < outputPadding.length; i++) {
      Checks.nonNegative(layer, "output padding", outputPadding[i]);
      if (outputPadding[i] >= Math.max(stride[i], dilation[i])) {
        throw new IllegalArgumentException(layer + ": the output padding "
            + Checks.tuple(outputPadding) + " must be smaller than the stride "
            + Checks.tuple(stride) + " or the dilation " + Checks.tuple(dilation)
            + " in each dim; lower it, or raise the stride");
      }
    }
  }

  private static RuleArg ints(long[] values) {
    List<DimExpr> dims = new ArrayList<>(values.length);
    for (long v : values) {
      dims.add(DimExpr.of(v));
    }
    return new RuleArg.IntsArg(dims);
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

package dev.shapetorch.nn.pooling;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.ForwardSignature;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * 2-D average pooling: PyTorch's {@code nn.AvgPool2d}.
 *
 * <p>Type: {@code @Shape({"KH", "KW", "SH", "SW", "PH", "PW", "C"}) AvgPool2d}: kernel,
 * stride, padding and ceil mode {@code C} (1 rounds up; unknown when given as a boolean).
 *
 * <p>Shape: {@code [N, Ch, H, W] -> [N, Ch, (H + 2*PH - KH + C*(SH-1))/SH + 1, (W + 2*PW - KW
 * + C*(SW-1))/SW + 1]}.
 */
public final class AvgPool2d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(AvgPool2d.class, "input");

  private final long[] hyper;
  private final boolean countIncludePad;

  /** A square window with stride = kernel, as {@code nn.AvgPool2d(k)}. */
  public @Shape({"k", "k", "k", "k", "0", "0", "0"}) AvgPool2d(@Dim long k) {
    this(k, k, k, k, 0, 0, false, true);
  }

  /** A square window, as {@code nn.AvgPool2d(k, stride, padding)}. */
  public @Shape({"k", "k", "stride", "stride", "padding", "padding", "0"}) AvgPool2d(
      @Dim long k, @Dim long stride, @Dim long padding) {
    this(k, k, stride, stride, padding, padding, false, true);
  }

  /**
   * Every option.
   *
   * @param countIncludePad whether padded zeros count in the denominator
   * @throws IllegalArgumentException as {@link MaxPool2d}'s constructor
   */
  public @Shape({"kh", "kw", "sh", "sw", "ph", "pw", "_"}) AvgPool2d(
      @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw, @Dim long ph, @Dim long pw,
      boolean ceilMode, boolean countIncludePad) {
    Checks.poolWindow("AvgPool2d", kh, sh, ph, 1, ceilMode);
    Checks.poolWindow("AvgPool2d", kw, sw, pw, 1, ceilMode);
    this.hyper = new long[] {kh, kw, sh, sw, ph, pw, ceilMode ? 1 : 0};
    this.countIncludePad = countIncludePad;
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, Ch, H, W] -> [N, Ch, H', W']} as the class says.
   */
  @Override
  public @Shape({"N", "Ch", "(H+2*PH-KH+C*(SH-1))/SH+1", "(W+2*PW-KW+C*(SW-1))/SW+1"})
      Tensor forward(
          @Shape({"KH", "KW", "SH", "SW", "PH", "PW", "C"}) AvgPool2d this,
          @Shape({"N", "Ch", "H", "W"}) Tensor input) {
    FORWARD.check(hyper, input);
    return F.avgPool2d(input, new long[] {hyper[0], hyper[1]}, new long[] {hyper[2], hyper[3]},
        new long[] {hyper[4], hyper[5]}, hyper[6] == 1, countIncludePad, 0);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "AvgPool2d(kernel_size=" + Checks.sizeOrPair(hyper[0], hyper[1]) + ", stride="
        + Checks.sizeOrPair(hyper[2], hyper[3]) + ", padding="
        + Checks.sizeOrPair(hyper[4], hyper[5]) + ")";
  }
}

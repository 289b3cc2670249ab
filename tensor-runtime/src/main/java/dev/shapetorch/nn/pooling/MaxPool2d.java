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
 * 2-D max pooling: PyTorch's {@code nn.MaxPool2d}.
 *
 * <p>Type: {@code @Shape({"KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW", "C"}) MaxPool2d}:
 * kernel, stride, padding, dilation, and ceil mode {@code C} (1 rounds output sizes up, 0
 * down). The constructors taking a {@code boolean ceilMode} give {@code C} as unknown ({@code
 * "_"}), so the checker leaves the output sizes unknown.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, (H + 2*PH - DH*(KH-1) - 1 + C*(SH-1))/SH + 1, (W +
 * 2*PW - DW*(KW-1) - 1 + C*(SW-1))/SW + 1]}.
 */
public final class MaxPool2d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(MaxPool2d.class, "input");

  private final long[] hyper;

  /** A square window with stride = kernel, as {@code nn.MaxPool2d(k)}. */
  public @Shape({"k", "k", "k", "k", "0", "0", "1", "1", "0"}) MaxPool2d(@Dim long k) {
    this(k, k, k, k, 0, 0, 1, 1, false);
  }

  /** A square window, as {@code nn.MaxPool2d(k, stride, padding)}. */
  public @Shape({"k", "k", "stride", "stride", "padding", "padding", "1", "1", "0"}) MaxPool2d(
      @Dim long k, @Dim long stride, @Dim long padding) {
    this(k, k, stride, stride, padding, padding, 1, 1, false);
  }

  /**
   * Every option.
   *
   * @throws IllegalArgumentException for non-positive sizes, a padding over half the window,
   *     or (in ceil mode) a stride longer than the window minus the padding
   */
  public @Shape({"kh", "kw", "sh", "sw", "ph", "pw", "dh", "dw", "_"}) MaxPool2d(
      @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw, @Dim long ph, @Dim long pw,
      @Dim long dh, @Dim long dw, boolean ceilMode) {
    Checks.poolWindow("MaxPool2d", kh, sh, ph, dh, ceilMode);
    Checks.poolWindow("MaxPool2d", kw, sw, pw, dw, ceilMode);
    this.hyper = new long[] {kh, kw, sh, sw, ph, pw, dh, dw, ceilMode ? 1 : 0};
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']} as the class says.
   */
  @Override
  public @Shape({"N", "Ch", "(H+2*PH-DH*(KH-1)-1+C*(SH-1))/SH+1",
      "(W+2*PW-DW*(KW-1)-1+C*(SW-1))/SW+1"}) Tensor forward(
      @Shape({"KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW", "C"}) MaxPool2d this,
      @Shape({"N", "Ch", "H", "W"}) Tensor input) {
    FORWARD.check(hyper, input);
    return F.maxPool2d(input, new long[] {hyper[0], hyper[1]}, new long[] {hyper[2], hyper[3]},
        new long[] {hyper[4], hyper[5]}, new long[] {hyper[6], hyper[7]}, hyper[8] == 1);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "MaxPool2d(kernel_size=" + Checks.sizeOrPair(hyper[0], hyper[1]) + ", stride="
        + Checks.sizeOrPair(hyper[2], hyper[3]) + ", padding="
        + Checks.sizeOrPair(hyper[4], hyper[5]) + ", dilation="
        + Checks.sizeOrPair(hyper[6], hyper[7]) + ", ceil_mode="
        + Checks.pyBool(hyper[8] == 1) + ")";
  }
}

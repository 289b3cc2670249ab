package dev.shapetorch.nn.pooling;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * 2-D average pooling: PyTorch's {@code nn.AvgPool2d}.
 *
 * <p>Type: {@code @Shape({"KH", "KW", "SH", "SW", "PH", "PW", "C"}) AvgPool2d}: kernel,
 * stride, padding and ceil mode {@code C} (1 rounds up; unknown when given as a boolean); by
 * name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Ch, H, W] -> [N, Ch, H', W']}, each output size as in {@code
 * F.avgPool2d}, {@link MaxPool2d}'s with dilation 1: {@code H' = (H + 2*PH - KH + C*(SH-1))/SH
 * + 1} ({@link Rule#AVG_POOL_LAYER}). Batched input only.
 */
public final class AvgPool2d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(AvgPool2d.class, "input");

  private final Spec spec;

  /**
   * A 2-D average pooling's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param kernelH the window's height {@code KH}
   * @param kernelW the window's width {@code KW}
   * @param strideH the vertical stride {@code SH}
   * @param strideW the horizontal stride {@code SW}
   * @param paddingH the zeros added above and below {@code PH}, at most half the window
   * @param paddingW the zeros added left and right {@code PW}, at most half the window
   * @param ceilMode whether output sizes round up ({@code C} = 1) rather than down (0)
   * @param countIncludePad whether padded zeros count in the denominator; not part of the type
   */
  public record Spec(long kernelH, long kernelW, long strideH, long strideW, long paddingH,
      long paddingW, boolean ceilMode, boolean countIncludePad) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException as {@link MaxPool2d.Spec}'s constructor
     */
    public Spec {
      Checks.poolWindow("AvgPool2d", kernelH, strideH, paddingH, 1, ceilMode);
      Checks.poolWindow("AvgPool2d", kernelW, strideW, paddingW, 1, ceilMode);
    }

    /**
     * The type's vector, {@code [KH, KW, SH, SW, PH, PW, C]}: what {@link AvgPool2d#forward} is
     * checked with.
     */
    public long[] typeVector() {
      return new long[] {kernelH, kernelW, strideH, strideW, paddingH, paddingW,
          ceilMode ? 1 : 0};
    }
  }

  /** A square window with stride = kernel, as {@code nn.AvgPool2d(k)}. */
  public @Shape({"k", "k", "k", "k", "0", "0", "0"}) AvgPool2d(@Dim long k) {
    this(k, k, k, k, 0, 0, false, true);
  }

  /** A square window and stride, no padding, as {@code nn.AvgPool2d(k, stride)}. */
  public @Shape({"k", "k", "stride", "stride", "0", "0", "0"}) AvgPool2d(
      @Dim long k, @Dim long stride) {
    this(k, stride, 0);
  }

  /** A square window, as {@code nn.AvgPool2d(k, stride, padding)}. */
  public @Shape({"k", "k", "stride", "stride", "padding", "padding", "0"}) AvgPool2d(
      @Dim long k, @Dim long stride, @Dim long padding) {
    this(k, k, stride, stride, padding, padding, false, true);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @param countIncludePad whether padded zeros count in the denominator
   * @throws IllegalArgumentException as {@link MaxPool2d}'s constructor
   */
  public @Shape({"kh", "kw", "sh", "sw", "ph", "pw", "_"}) AvgPool2d(
      @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw, @Dim long ph, @Dim long pw,
      boolean ceilMode, boolean countIncludePad) {
    this.spec = new Spec(kh, kw, sh, sw, ph, pw, ceilMode, countIncludePad);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, Ch, H, W] -> [N, Ch, H', W']} as the class says ({@link
   * Rule#AVG_POOL_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 4-D,
   *     {@code [shape.conv.size]} if it is smaller than the window
   */
  @Override
  @ShapeRule(value = Rule.AVG_POOL_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.avgPool2d(input, new long[] {spec.kernelH, spec.kernelW},
        new long[] {spec.strideH, spec.strideW}, new long[] {spec.paddingH, spec.paddingW},
        spec.ceilMode, spec.countIncludePad, 0);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "AvgPool2d(kernel_size=" + Checks.sizeOrPair(spec.kernelH, spec.kernelW)
        + ", stride=" + Checks.sizeOrPair(spec.strideH, spec.strideW) + ", padding="
        + Checks.sizeOrPair(spec.paddingH, spec.paddingW) + ")";
  }
}

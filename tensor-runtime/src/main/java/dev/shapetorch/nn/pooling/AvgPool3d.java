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
 * 3-D average pooling: PyTorch's {@code nn.AvgPool3d}.
 *
 * <p>Type: {@code @Shape({"KD", "KH", "KW", "SD", "SH", "SW", "PD", "PH", "PW", "C"})
 * AvgPool3d}: kernel, stride, padding (depth, height, width each) and ceil mode {@code C} (1
 * rounds up; unknown when given as a boolean); by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Ch, D, H, W] -> [N, Ch, D', H', W']}, each output size as in {@code
 * F.avgPool3d}, {@link MaxPool3d}'s with dilation 1: {@code D' = (D + 2*PD - KD +
 * C*(SD-1))/SD + 1} ({@link Rule#AVG_POOL_LAYER}). Batched input only.
 */
public final class AvgPool3d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(AvgPool3d.class, "input");

  private final Spec spec;

  /**
   * A 3-D average pooling's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param kernelD the window's depth {@code KD}
   * @param kernelH the window's height {@code KH}
   * @param kernelW the window's width {@code KW}
   * @param strideD the stride along the depth {@code SD}
   * @param strideH the vertical stride {@code SH}
   * @param strideW the horizontal stride {@code SW}
   * @param paddingD the zeros added in front and behind {@code PD}, at most half the window
   * @param paddingH the zeros added above and below {@code PH}, at most half the window
   * @param paddingW the zeros added left and right {@code PW}, at most half the window
   * @param ceilMode whether output sizes round up ({@code C} = 1) rather than down (0)
   * @param countIncludePad whether padded zeros count in the denominator; not part of the type
   * @param divisorOverride the denominator to use instead of the window's size, or 0 for none
   *     (PyTorch's {@code None}); not part of the type
   */
  public record Spec(long kernelD, long kernelH, long kernelW, long strideD, long strideH,
      long strideW, long paddingD, long paddingH, long paddingW, boolean ceilMode,
      boolean countIncludePad, long divisorOverride) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException as {@link MaxPool2d.Spec}'s constructor, and for a
     *     negative {@code divisorOverride}
     */
    public Spec {
      Checks.poolWindow("AvgPool3d", kernelD, strideD, paddingD, 1, ceilMode);
      Checks.poolWindow("AvgPool3d", kernelH, strideH, paddingH, 1, ceilMode);
      Checks.poolWindow("AvgPool3d", kernelW, strideW, paddingW, 1, ceilMode);
      if (divisorOverride < 0) {
        throw new IllegalArgumentException("AvgPool3d: divisorOverride must be positive (or 0"
            + " for the window's size, PyTorch's None), got " + divisorOverride);
      }
    }

    /**
     * The type's vector, {@code [KD, KH, KW, SD, SH, SW, PD, PH, PW, C]}: what {@link
     * AvgPool3d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {kernelD, kernelH, kernelW, strideD, strideH, strideW, paddingD,
          paddingH, paddingW, ceilMode ? 1 : 0};
    }
  }

  /** A cubic window with stride = kernel, as {@code nn.AvgPool3d(k)}. */
  public @Shape({"k", "k", "k", "k", "k", "k", "0", "0", "0", "0"}) AvgPool3d(@Dim long k) {
    this(k, k, k, k, k, k, 0, 0, 0, false, true, 0);
  }

  /** A cubic window and stride, no padding, as {@code nn.AvgPool3d(k, stride)}. */
  public @Shape({"k", "k", "k", "stride", "stride", "stride", "0", "0", "0", "0"}) AvgPool3d(
      @Dim long k, @Dim long stride) {
    this(k, stride, 0);
  }

  /** A cubic window, as {@code nn.AvgPool3d(k, stride, padding)}. */
  public @Shape({"k", "k", "k", "stride", "stride", "stride", "padding", "padding", "padding",
      "0"}) AvgPool3d(@Dim long k, @Dim long stride, @Dim long padding) {
    this(k, k, k, stride, stride, stride, padding, padding, padding, false, true, 0);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @param countIncludePad whether padded zeros count in the denominator
   * @param divisorOverride the denominator to use instead of the window's size, or 0 for none
   * @throws IllegalArgumentException as {@link Spec}'s constructor
   */
  public @Shape({"kd", "kh", "kw", "sd", "sh", "sw", "pd", "ph", "pw", "_"}) AvgPool3d(
      @Dim long kd, @Dim long kh, @Dim long kw, @Dim long sd, @Dim long sh, @Dim long sw,
      @Dim long pd, @Dim long ph, @Dim long pw, boolean ceilMode, boolean countIncludePad,
      long divisorOverride) {
    this.spec = new Spec(kd, kh, kw, sd, sh, sw, pd, ph, pw, ceilMode, countIncludePad,
        divisorOverride);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, Ch, D, H, W] -> [N, Ch, D', H', W']} as the class says ({@link
   * Rule#AVG_POOL_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 5-D,
   *     {@code [shape.conv.size]} if it is smaller than the window
   */
  @Override
  @ShapeRule(value = Rule.AVG_POOL_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.avgPool3d(input, new long[] {spec.kernelD, spec.kernelH, spec.kernelW},
        new long[] {spec.strideD, spec.strideH, spec.strideW},
        new long[] {spec.paddingD, spec.paddingH, spec.paddingW}, spec.ceilMode,
        spec.countIncludePad, spec.divisorOverride);
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
    return "AvgPool3d(kernel_size=" + Pools.sizes(spec.kernelD, spec.kernelH, spec.kernelW)
        + ", stride=" + Pools.sizes(spec.strideD, spec.strideH, spec.strideW) + ", padding="
        + Pools.sizes(spec.paddingD, spec.paddingH, spec.paddingW) + ")";
  }
}

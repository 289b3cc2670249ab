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
 * 3-D max pooling: PyTorch's {@code nn.MaxPool3d}.
 *
 * <p>Type: {@code @Shape({"KD", "KH", "KW", "SD", "SH", "SW", "PD", "PH", "PW", "DD", "DH",
 * "DW", "C"}) MaxPool3d}: kernel, stride, padding, dilation (depth, height, width each), and
 * ceil mode {@code C} (1 rounds output sizes up, 0 down; unknown when given as a boolean the
 * checker does not know); by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Ch, D, H, W] -> [N, Ch, D', H', W']}, each output size as in {@code
 * F.maxPool3d}: {@code D' = (D + 2*PD - DD*(KD-1) - 1 + C*(SD-1))/SD + 1}, and so for {@code
 * H'} and {@code W'} ({@link Rule#MAX_POOL_LAYER}). Batched input only.
 */
public final class MaxPool3d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(MaxPool3d.class, "input");

  private final Spec spec;

  /**
   * A 3-D max pooling's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param kernelD the window's depth {@code KD}
   * @param kernelH the window's height {@code KH}
   * @param kernelW the window's width {@code KW}
   * @param strideD the stride along the depth {@code SD}
   * @param strideH the vertical stride {@code SH}
   * @param strideW the horizontal stride {@code SW}
   * @param paddingD the padding in front and behind {@code PD}, at most half the window's extent
   * @param paddingH the padding above and below {@code PH}, at most half the window's extent
   * @param paddingW the padding left and right {@code PW}, at most half the window's extent
   * @param dilationD the spacing of the window's taps along the depth {@code DD}
   * @param dilationH the vertical spacing of the window's taps {@code DH}
   * @param dilationW the horizontal spacing of the window's taps {@code DW}
   * @param ceilMode whether output sizes round up ({@code C} = 1) rather than down (0)
   */
  public record Spec(long kernelD, long kernelH, long kernelW, long strideD, long strideH,
      long strideW, long paddingD, long paddingH, long paddingW, long dilationD, long dilationH,
      long dilationW, boolean ceilMode) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException as {@link MaxPool2d.Spec}'s constructor
     */
    public Spec {
      Checks.poolWindow("MaxPool3d", kernelD, strideD, paddingD, dilationD, ceilMode);
      Checks.poolWindow("MaxPool3d", kernelH, strideH, paddingH, dilationH, ceilMode);
      Checks.poolWindow("MaxPool3d", kernelW, strideW, paddingW, dilationW, ceilMode);
    }

    /**
     * The type's vector, {@code [KD, KH, KW, SD, SH, SW, PD, PH, PW, DD, DH, DW, C]}: what
     * {@link MaxPool3d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {kernelD, kernelH, kernelW, strideD, strideH, strideW, paddingD,
          paddingH, paddingW, dilationD, dilationH, dilationW, ceilMode ? 1 : 0};
    }
  }

  /** A cubic window with stride = kernel, as {@code nn.MaxPool3d(k)}. */
  public @Shape({"k", "k", "k", "k", "k", "k", "0", "0", "0", "1", "1", "1", "0"}) MaxPool3d(
      @Dim long k) {
    this(k, k, k, k, k, k, 0, 0, 0, 1, 1, 1, false);
  }

  /** A cubic window and stride, no padding, as {@code nn.MaxPool3d(k, stride)}. */
  public @Shape({"k", "k", "k", "stride", "stride", "stride", "0", "0", "0", "1", "1", "1",
      "0"}) MaxPool3d(@Dim long k, @Dim long stride) {
    this(k, stride, 0);
  }

  /** A cubic window, as {@code nn.MaxPool3d(k, stride, padding)}. */
  public @Shape({"k", "k", "k", "stride", "stride", "stride", "padding", "padding", "padding",
      "1", "1", "1", "0"}) MaxPool3d(@Dim long k, @Dim long stride, @Dim long padding) {
    this(k, k, k, stride, stride, stride, padding, padding, padding, 1, 1, 1, false);
  }

  /**
   * Every option, as {@link Spec} names them; a constant {@code ceilMode} is the type's {@code C}
   * (1 or 0), one the checker does not know is checked as rounding up.
   *
   * @throws IllegalArgumentException for non-positive sizes, a padding over half the window,
   *     or (in ceil mode) a stride longer than the window minus the padding
   */
  public @Shape({"kd", "kh", "kw", "sd", "sh", "sw", "pd", "ph", "pw", "dd", "dh", "dw",
      "ceilMode"}) MaxPool3d(@Dim long kd, @Dim long kh, @Dim long kw, @Dim long sd,
      @Dim long sh, @Dim long sw, @Dim long pd, @Dim long ph, @Dim long pw, @Dim long dd,
      @Dim long dh, @Dim long dw, @Dim boolean ceilMode) {
    this.spec = new Spec(kd, kh, kw, sd, sh, sw, pd, ph, pw, dd, dh, dw, ceilMode);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, Ch, D, H, W] -> [N, Ch, D', H', W']} as the class says ({@link
   * Rule#MAX_POOL_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 5-D,
   *     {@code [shape.conv.size]} if it is smaller than the dilated window
   */
  @Override
  @ShapeRule(value = Rule.MAX_POOL_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.maxPool3d(input, new long[] {spec.kernelD, spec.kernelH, spec.kernelW},
        new long[] {spec.strideD, spec.strideH, spec.strideW},
        new long[] {spec.paddingD, spec.paddingH, spec.paddingW},
        new long[] {spec.dilationD, spec.dilationH, spec.dilationW}, spec.ceilMode);
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
    return "MaxPool3d(kernel_size=" + Pools.sizes(spec.kernelD, spec.kernelH, spec.kernelW)
        + ", stride=" + Pools.sizes(spec.strideD, spec.strideH, spec.strideW) + ", padding="
        + Pools.sizes(spec.paddingD, spec.paddingH, spec.paddingW) + ", dilation="
        + Pools.sizes(spec.dilationD, spec.dilationH, spec.dilationW) + ", ceil_mode="
        + Checks.pyBool(spec.ceilMode) + ")";
  }
}

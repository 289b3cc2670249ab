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
 * 2-D max pooling: PyTorch's {@code nn.MaxPool2d}.
 *
 * <p>Type: {@code @Shape({"KH", "KW", "SH", "SW", "PH", "PW", "DH", "DW", "C"}) MaxPool2d}:
 * kernel, stride, padding, dilation, and ceil mode {@code C} (1 rounds output sizes up, 0
 * down); by name, {@link Spec}. The constructors taking a {@code boolean ceilMode} give {@code
 * C} as unknown ({@code "_"}), so the checker leaves the output sizes unknown.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']}, each output size as in {@code F.maxPool2d}:
 * the input's size plus twice the padding, less the dilated window's extent {@code DH*(KH-1) +
 * 1}, divided by the stride (rounding up in ceil mode), plus one; {@code H' = (H + 2*PH -
 * DH*(KH-1) - 1 + C*(SH-1))/SH + 1} ({@link Rule#MAX_POOL_LAYER}). Batched input only.
 */
public final class MaxPool2d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(MaxPool2d.class, "input");

  private final Spec spec;

  /**
   * A 2-D max pooling's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param kernelH the window's height {@code KH}
   * @param kernelW the window's width {@code KW}
   * @param strideH the vertical stride {@code SH}
   * @param strideW the horizontal stride {@code SW}
   * @param paddingH the padding above and below {@code PH}, at most half the window's extent
   * @param paddingW the padding left and right {@code PW}, at most half the window's extent
   * @param dilationH the vertical spacing of the window's taps {@code DH}
   * @param dilationW the horizontal spacing of the window's taps {@code DW}
   * @param ceilMode whether output sizes round up ({@code C} = 1) rather than down (0)
   */
  public record Spec(long kernelH, long kernelW, long strideH, long strideW, long paddingH,
      long paddingW, long dilationH, long dilationW, boolean ceilMode) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException for non-positive sizes, a padding over half the window,
     *     or (in ceil mode) a stride longer than the window minus the padding
     */
    public Spec {
      Checks.poolWindow("MaxPool2d", kernelH, strideH, paddingH, dilationH, ceilMode);
      Checks.poolWindow("MaxPool2d", kernelW, strideW, paddingW, dilationW, ceilMode);
    }

    /**
     * The type's vector, {@code [KH, KW, SH, SW, PH, PW, DH, DW, C]}: what {@link
     * MaxPool2d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {kernelH, kernelW, strideH, strideW, paddingH, paddingW, dilationH,
          dilationW, ceilMode ? 1 : 0};
    }
  }

  /** A square window with stride = kernel, as {@code nn.MaxPool2d(k)}. */
  public @Shape({"k", "k", "k", "k", "0", "0", "1", "1", "0"}) MaxPool2d(@Dim long k) {
    this(k, k, k, k, 0, 0, 1, 1, false);
  }

  /** A square window and stride, no padding, as {@code nn.MaxPool2d(k, stride)}. */
  public @Shape({"k", "k", "stride", "stride", "0", "0", "1", "1", "0"}) MaxPool2d(
      @Dim long k, @Dim long stride) {
    this(k, stride, 0);
  }

  /** A square window, as {@code nn.MaxPool2d(k, stride, padding)}. */
  public @Shape({"k", "k", "stride", "stride", "padding", "padding", "1", "1", "0"}) MaxPool2d(
      @Dim long k, @Dim long stride, @Dim long padding) {
    this(k, k, stride, stride, padding, padding, 1, 1, false);
  }

  /**
   * Every option, as {@link Spec} names them; a constant {@code ceilMode} is the type's {@code C}
   * (1 or 0), one the checker does not know is checked as rounding up.
   *
   * @throws IllegalArgumentException for non-positive sizes, a padding over half the window,
   *     or (in ceil mode) a stride longer than the window minus the padding
   */
  public @Shape({"kh", "kw", "sh", "sw", "ph", "pw", "dh", "dw", "ceilMode"}) MaxPool2d(
      @Dim long kh, @Dim long kw, @Dim long sh, @Dim long sw, @Dim long ph, @Dim long pw,
      @Dim long dh, @Dim long dw, @Dim boolean ceilMode) {
    this.spec = new Spec(kh, kw, sh, sw, ph, pw, dh, dw, ceilMode);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']} as the class says ({@link
   * Rule#MAX_POOL_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 4-D,
   *     {@code [shape.conv.size]} if it is smaller than the dilated window
   */
  @Override
  @ShapeRule(value = Rule.MAX_POOL_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.maxPool2d(input, new long[] {spec.kernelH, spec.kernelW},
        new long[] {spec.strideH, spec.strideW}, new long[] {spec.paddingH, spec.paddingW},
        new long[] {spec.dilationH, spec.dilationW}, spec.ceilMode);
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
    return "MaxPool2d(kernel_size=" + Checks.sizeOrPair(spec.kernelH, spec.kernelW)
        + ", stride=" + Checks.sizeOrPair(spec.strideH, spec.strideW) + ", padding="
        + Checks.sizeOrPair(spec.paddingH, spec.paddingW) + ", dilation="
        + Checks.sizeOrPair(spec.dilationH, spec.dilationW) + ", ceil_mode="
        + Checks.pyBool(spec.ceilMode) + ")";
  }
}

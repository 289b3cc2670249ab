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
 * 1-D max pooling: PyTorch's {@code nn.MaxPool1d}.
 *
 * <p>Type: {@code @Shape({"K", "S", "P", "D", "C"}) MaxPool1d}: kernel, stride, padding,
 * dilation, ceil mode {@code C} (1 rounds up; unknown when given as a boolean); by name,
 * {@link Spec}.
 *
 * <p>Shape: {@code [N, Ch, L] -> [N, Ch, L']}, the output length as in {@code F.maxPool1d}:
 * {@code L' = (L + 2*P - D*(K-1) - 1 + C*(S-1))/S + 1} ({@link Rule#MAX_POOL_LAYER}). Batched
 * input only.
 */
public final class MaxPool1d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(MaxPool1d.class, "input");

  private final Spec spec;

  /**
   * A 1-D max pooling's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param kernel the window's length {@code K}
   * @param stride the stride {@code S}
   * @param padding the padding at each end {@code P}, at most half the window's extent
   * @param dilation the spacing of the window's taps {@code D}
   * @param ceilMode whether the output length rounds up ({@code C} = 1) rather than down (0)
   */
  public record Spec(long kernel, long stride, long padding, long dilation, boolean ceilMode) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException as {@link MaxPool2d.Spec}'s constructor
     */
    public Spec {
      Checks.poolWindow("MaxPool1d", kernel, stride, padding, dilation, ceilMode);
    }

    /**
     * The type's vector, {@code [K, S, P, D, C]}: what {@link MaxPool1d#forward} is checked
     * with.
     */
    public long[] typeVector() {
      return new long[] {kernel, stride, padding, dilation, ceilMode ? 1 : 0};
    }
  }

  /** Stride = kernel, as {@code nn.MaxPool1d(k)}. */
  public @Shape({"k", "k", "0", "1", "0"}) MaxPool1d(@Dim long k) {
    this(k, k, 0, 1, false);
  }

  /** No padding, as {@code nn.MaxPool1d(k, stride)}. */
  public @Shape({"k", "stride", "0", "1", "0"}) MaxPool1d(@Dim long k, @Dim long stride) {
    this(k, stride, 0);
  }

  /** As {@code nn.MaxPool1d(k, stride, padding)}. */
  public @Shape({"k", "stride", "padding", "1", "0"}) MaxPool1d(
      @Dim long k, @Dim long stride, @Dim long padding) {
    this(k, stride, padding, 1, false);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @throws IllegalArgumentException as {@link MaxPool2d}'s constructor
   */
  public @Shape({"k", "stride", "padding", "dilation", "_"}) MaxPool1d(
      @Dim long k, @Dim long stride, @Dim long padding, @Dim long dilation, boolean ceilMode) {
    this.spec = new Spec(k, stride, padding, dilation, ceilMode);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, Ch, L] -> [N, Ch, L']} as the class says ({@link
   * Rule#MAX_POOL_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 3-D,
   *     {@code [shape.conv.size]} if it is shorter than the dilated window
   */
  @Override
  @ShapeRule(value = Rule.MAX_POOL_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.maxPool1d(input, spec.kernel, spec.stride, spec.padding, spec.dilation,
        spec.ceilMode);
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
    return "MaxPool1d(kernel_size=" + spec.kernel + ", stride=" + spec.stride + ", padding="
        + spec.padding + ", dilation=" + spec.dilation + ", ceil_mode="
        + Checks.pyBool(spec.ceilMode) + ")";
  }
}

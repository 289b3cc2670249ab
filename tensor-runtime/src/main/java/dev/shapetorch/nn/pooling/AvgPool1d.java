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
 * 1-D average pooling: PyTorch's {@code nn.AvgPool1d}.
 *
 * <p>Type: {@code @Shape({"K", "S", "P", "C"}) AvgPool1d}: kernel, stride, padding and ceil
 * mode {@code C} (1 rounds up; unknown when given as a boolean); by name, {@link Spec}.
 *
 * <p>Shape: {@code [N, Ch, L] -> [N, Ch, L']}, the output length as in {@code F.avgPool1d},
 * {@link MaxPool1d}'s with dilation 1: {@code L' = (L + 2*P - K + C*(S-1))/S + 1} ({@link
 * Rule#AVG_POOL_LAYER}). Batched input only.
 */
public final class AvgPool1d extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(AvgPool1d.class, "input");

  private final Spec spec;

  /**
   * A 1-D average pooling's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param kernel the window's length {@code K}
   * @param stride the stride {@code S}
   * @param padding the zeros added at each end {@code P}, at most half the window
   * @param ceilMode whether the output length rounds up ({@code C} = 1) rather than down (0)
   * @param countIncludePad whether padded zeros count in the denominator; not part of the type
   */
  public record Spec(long kernel, long stride, long padding, boolean ceilMode,
      boolean countIncludePad) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException as {@link MaxPool2d.Spec}'s constructor
     */
    public Spec {
      Checks.poolWindow("AvgPool1d", kernel, stride, padding, 1, ceilMode);
    }

    /**
     * The type's vector, {@code [K, S, P, C]}: what {@link AvgPool1d#forward} is checked with.
     */
    public long[] typeVector() {
      return new long[] {kernel, stride, padding, ceilMode ? 1 : 0};
    }
  }

  /** Stride = kernel, as {@code nn.AvgPool1d(k)}. */
  public @Shape({"k", "k", "0", "0"}) AvgPool1d(@Dim long k) {
    this(k, k, 0, false, true);
  }

  /** No padding, as {@code nn.AvgPool1d(k, stride)}. */
  public @Shape({"k", "stride", "0", "0"}) AvgPool1d(@Dim long k, @Dim long stride) {
    this(k, stride, 0);
  }

  /** As {@code nn.AvgPool1d(k, stride, padding)}. */
  public @Shape({"k", "stride", "padding", "0"}) AvgPool1d(
      @Dim long k, @Dim long stride, @Dim long padding) {
    this(k, stride, padding, false, true);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @param countIncludePad whether padded zeros count in the denominator
   * @throws IllegalArgumentException as {@link MaxPool2d}'s constructor
   */
  public @Shape({"k", "stride", "padding", "_"}) AvgPool1d(@Dim long k, @Dim long stride,
      @Dim long padding, boolean ceilMode, boolean countIncludePad) {
    this.spec = new Spec(k, stride, padding, ceilMode, countIncludePad);
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, Ch, L] -> [N, Ch, L']} as the class says ({@link
   * Rule#AVG_POOL_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 3-D,
   *     {@code [shape.conv.size]} if it is shorter than the window
   */
  @Override
  @ShapeRule(value = Rule.AVG_POOL_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.avgPool1d(input, new long[] {spec.kernel}, new long[] {spec.stride},
        new long[] {spec.padding}, spec.ceilMode, spec.countIncludePad);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: sizes as 1-tuples, {@code AvgPool1d(kernel_size=(3,), ...)}. */
  @Override
  public String toString() {
    return "AvgPool1d(kernel_size=" + Checks.tuple(spec.kernel) + ", stride="
        + Checks.tuple(spec.stride) + ", padding=" + Checks.tuple(spec.padding) + ")";
  }
}

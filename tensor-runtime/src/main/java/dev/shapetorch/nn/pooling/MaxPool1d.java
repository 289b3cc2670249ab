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
 * 1-D max pooling: PyTorch's {@code nn.MaxPool1d}.
 *
 * <p>Type: {@code @Shape({"K", "S", "P", "D", "C"}) MaxPool1d}: kernel, stride, padding,
 * dilation, ceil mode {@code C} (1 rounds up; unknown when given as a boolean).
 *
 * <p>Shape: {@code [N, Ch, L] -> [N, Ch, (L + 2*P - D*(K-1) - 1 + C*(S-1))/S + 1]}.
 */
public final class MaxPool1d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(MaxPool1d.class, "input");

  private final long[] hyper;

  /** Stride = kernel, as {@code nn.MaxPool1d(k)}. */
  public @Shape({"k", "k", "0", "1", "0"}) MaxPool1d(@Dim long k) {
    this(k, k, 0, 1, false);
  }

  /** As {@code nn.MaxPool1d(k, stride, padding)}. */
  public @Shape({"k", "stride", "padding", "1", "0"}) MaxPool1d(
      @Dim long k, @Dim long stride, @Dim long padding) {
    this(k, stride, padding, 1, false);
  }

  /**
   * Every option.
   *
   * @throws IllegalArgumentException as {@link MaxPool2d}'s constructor
   */
  public @Shape({"k", "stride", "padding", "dilation", "_"}) MaxPool1d(
      @Dim long k, @Dim long stride, @Dim long padding, @Dim long dilation, boolean ceilMode) {
    Checks.poolWindow("MaxPool1d", k, stride, padding, dilation, ceilMode);
    this.hyper = new long[] {k, stride, padding, dilation, ceilMode ? 1 : 0};
  }

  /**
   * Applies the pooling.
   *
   * <p>Shape: {@code [N, Ch, L] -> [N, Ch, (L + 2*P - D*(K-1) - 1 + C*(S-1))/S + 1]}.
   */
  @Override
  public @Shape({"N", "Ch", "(L+2*P-D*(K-1)-1+C*(S-1))/S+1"}) Tensor forward(
      @Shape({"K", "S", "P", "D", "C"}) MaxPool1d this, @Shape({"N", "Ch", "L"}) Tensor input) {
    FORWARD.check(hyper, input);
    return F.maxPool1d(input, hyper[0], hyper[1], hyper[2], hyper[3], hyper[4] == 1);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "MaxPool1d(kernel_size=" + hyper[0] + ", stride=" + hyper[1] + ", padding="
        + hyper[2] + ", dilation=" + hyper[3] + ", ceil_mode=" + Checks.pyBool(hyper[4] == 1)
        + ")";
  }
}

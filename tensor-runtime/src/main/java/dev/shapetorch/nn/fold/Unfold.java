package dev.shapetorch.nn.fold;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * Extracts sliding blocks of an image as columns, PyTorch's {@code nn.Unfold(kernel_size,
 * dilation=1, padding=0, stride=1)} ({@code F.unfold}, libtorch's {@code im2col}). Each
 * parameter is one value for both spatial dims or a pair (height, width). No parameters.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C*kh*kw, L]}, unbatched {@code [C, H, W] -> [C*kh*kw,
 * L]}, {@code L} the number of blocks ({@link Rule#IM2COL}, checked when {@code forward} calls
 * {@code F.unfold}).
 */
public final class Unfold extends AbstractModule implements UnaryModule {
  private final long[] kernelSize;
  private final long[] dilation;
  private final long[] padding;
  private final long[] stride;

  /**
   * With dilation 1, no padding and stride 1, as {@code nn.Unfold(kernel_size)}.
   *
   * @param kernelSize one size or a pair, each at least 1
   * @throws IllegalArgumentException as {@link #Unfold(long[], long[], long[], long[])}
   */
  public Unfold(long... kernelSize) {
    this(kernelSize, new long[] {1}, new long[] {0}, new long[] {1});
  }

  /**
   * Every option.
   *
   * @param kernelSize one size or a pair, each at least 1
   * @param dilation one or a pair, each at least 1
   * @param padding zeros added on both sides, one or a pair, each at least 0
   * @param stride one or a pair, each at least 1
   * @throws IllegalArgumentException for a parameter that is not one value or a pair, or out of
   *     range (every value at most 2^31 - 1)
   */
  public Unfold(long[] kernelSize, long[] dilation, long[] padding, long[] stride) {
    this.kernelSize = Windows.check("Unfold", "kernelSize", kernelSize, 1);
    this.dilation = Windows.check("Unfold", "dilation", dilation, 1);
    this.padding = Windows.check("Unfold", "padding", padding, 0);
    this.stride = Windows.check("Unfold", "stride", stride, 1);
  }

  /**
   * The blocks as columns, as {@code F.unfold}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C*kh*kw, L]} or {@code [C, H, W] -> [C*kh*kw, L]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for an input other than
   *     3-D or 4-D, {@code [shape.conv.size]} for an image without a single block
   */
  @Override
  public Tensor forward(Tensor input) {
    return runForward(input, x -> F.unfold(x, kernelSize, dilation, padding, stride));
  }

  /** The kernel size, one value or a pair, as given. */
  public long[] kernelSize() {
    return kernelSize.clone();
  }

  /** The dilation, one value or a pair, as given. */
  public long[] dilation() {
    return dilation.clone();
  }

  /** The padding, one value or a pair, as given. */
  public long[] padding() {
    return padding.clone();
  }

  /** The stride, one value or a pair, as given. */
  public long[] stride() {
    return stride.clone();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {}

  /** As PyTorch prints it: {@code Unfold(kernel_size=2, dilation=1, padding=0, stride=1)}. */
  @Override
  public String toString() {
    return "Unfold(kernel_size=" + Windows.py(kernelSize) + ", dilation=" + Windows.py(dilation)
        + ", padding=" + Windows.py(padding) + ", stride=" + Windows.py(stride) + ")";
  }
}

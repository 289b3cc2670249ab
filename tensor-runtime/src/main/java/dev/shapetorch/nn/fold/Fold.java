package dev.shapetorch.nn.fold;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * Sums columns of sliding blocks back into an image, the inverse arrangement of {@link Unfold}:
 * PyTorch's {@code nn.Fold(output_size, kernel_size, dilation=1, padding=0, stride=1)} ({@code
 * F.fold}, libtorch's {@code col2im}). Overlapping entries are summed. Each parameter is one
 * value for both spatial dims or a pair (height, width). No parameters.
 *
 * <p>Shape: {@code [N, C*kh*kw, L] -> [N, C, oh, ow]}, unbatched {@code [C*kh*kw, L] -> [C, oh,
 * ow]}, {@code L} the number of blocks {@code outputSize} holds ({@link Rule#COL2IM}, checked
 * when {@code forward} calls {@code F.fold}).
 */
public final class Fold extends AbstractModule implements UnaryModule {
  private final long[] outputSize;
  private final long[] kernelSize;
  private final long[] dilation;
  private final long[] padding;
  private final long[] stride;

  /**
   * With dilation 1, no padding and stride 1, as {@code nn.Fold(output_size, kernel_size)}.
   *
   * @param outputSize the image's height and width, one size or a pair, each at least 1
   * @param kernelSize one size or a pair, each at least 1
   * @throws IllegalArgumentException as {@link #Fold(long[], long[], long[], long[], long[])}
   */
  public Fold(long[] outputSize, long[] kernelSize) {
    this(outputSize, kernelSize, new long[] {1}, new long[] {0}, new long[] {1});
  }

  /**
   * Every option.
   *
   * @param outputSize the image's height and width, one size or a pair, each at least 1
   * @param kernelSize one size or a pair, each at least 1
   * @param dilation one or a pair, each at least 1
   * @param padding one or a pair, each at least 0
   * @param stride one or a pair, each at least 1
   * @throws IllegalArgumentException for a parameter that is not one value or a pair, or out of
   *     range (every value at most 2^31 - 1)
   */
  public Fold(long[] outputSize, long[] kernelSize, long[] dilation, long[] padding,
      long[] stride) {
    this.outputSize = Windows.check("Fold", "outputSize", outputSize, 1);
    this.kernelSize = Windows.check("Fold", "kernelSize", kernelSize, 1);
    this.dilation = Windows.check("Fold", "dilation", dilation, 1);
    this.padding = Windows.check("Fold", "padding", padding, 0);
    this.stride = Windows.check("Fold", "stride", stride, 1);
  }

  /**
   * The image, as {@code F.fold}.
   *
   * <p>Shape: {@code [N, C*kh*kw, L] -> [N, C, oh, ow]} or {@code [C*kh*kw, L] -> [C, oh, ow]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for an input other than
   *     2-D or 3-D, {@code [shape.split.size]} for a column count that does not divide by {@code
   *     kh*kw}, {@code [shape.mismatch.argument]} for a block count other than the output's
   */
  @Override
  public Tensor forward(Tensor input) {
    return runForward(input, x -> F.fold(x, outputSize, kernelSize, dilation, padding, stride));
  }

  /** The output's height and width, one value or a pair, as given. */
  public long[] outputSize() {
    return outputSize.clone();
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

  /**
   * As PyTorch prints it: {@code Fold(output_size=(4, 4), kernel_size=2, dilation=1, padding=0,
   * stride=1)}.
   */
  @Override
  public String toString() {
    return "Fold(output_size=" + Windows.py(outputSize) + ", kernel_size="
        + Windows.py(kernelSize) + ", dilation=" + Windows.py(dilation) + ", padding="
        + Windows.py(padding) + ", stride=" + Windows.py(stride) + ")";
  }
}

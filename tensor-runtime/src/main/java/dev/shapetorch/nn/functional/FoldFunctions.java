package dev.shapetorch.nn.functional;

import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Sliding blocks of {@link F}: {@code unfold} (libtorch's {@code im2col}) copies every {@code
 * kh x kw} block of an image into a column, {@code fold} ({@code col2im}) sums columns back into
 * an image, as PyTorch's {@code F.unfold} and {@code F.fold}. Both are differentiable (each is
 * the other's gradient). Every window parameter is one value for both spatial dims or a pair
 * (height, width); they are checked before libtorch sees them.
 *
 * <p>Shape: {@code unfold}: {@code [N, C, H, W] -> [N, C*kh*kw, L]} ({@link Rule#IM2COL});
 * {@code fold}: {@code [N, C*kh*kw, L] -> [N, C, oh, ow]} ({@link Rule#COL2IM}); both also
 * take one unbatched sample. {@code L} is the number of blocks, {@code prod_d floor((size_d + 2
 * padding_d - dilation_d (k_d - 1) - 1) / stride_d + 1)}.
 */
final class FoldFunctions {

  private FoldFunctions() {}

  /** Window parameters beyond this are refused: libtorch computes sizes from their products. */
  private static final long MAX_PARAMETER = Integer.MAX_VALUE;

  /**
   * The blocks of an image as columns, with dilation 1, no padding and stride 1, as {@code
   * F.unfold(input, kernel_size)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C*kh*kw, (H-kh+1)*(W-kw+1)]}, unbatched {@code [C, H,
   * W] -> [C*kh*kw, L]} ({@link Rule#IM2COL}).
   *
   * @param kernelSize one size or a pair (height, width)
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.IM2COL, args = {"input", "kernelSize", "1", "0", "1"})
  public static Tensor unfold(Tensor input, long... kernelSize) {
    return unfold(input, kernelSize, new long[] {1}, new long[] {0}, new long[] {1});
  }

  /**
   * The blocks of an image as columns, as {@code F.unfold(input, kernel_size, dilation, padding,
   * stride)}: column {@code l} holds block {@code l} (row-major over the block grid), its rows
   * ordered (channel, kernel row, kernel column).
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C*kh*kw, L]}, unbatched {@code [C, H, W] -> [C*kh*kw,
   * L]} ({@link Rule#IM2COL}).
   *
   * @param kernelSize one size or a pair, each at least 1
   * @param dilation one or a pair, each at least 1
   * @param padding zeros added on both sides, one or a pair, each at least 0
   * @param stride one or a pair, each at least 1
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for an input other than
   *     3-D or 4-D, {@code [shape.conv.params]} for a parameter out of range or not one value or
   *     a pair, {@code [shape.conv.size]} for an image without a single block
   * @throws IllegalArgumentException for a parameter above 2^31 - 1
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.IM2COL,
      args = {"input", "kernelSize", "dilation", "padding", "stride"})
  public static Tensor unfold(Tensor input, long[] kernelSize, long[] dilation, long[] padding,
      long[] stride) {
    String op = "F.unfold";
    Guard.rule(Rule.IM2COL, op, Guard.tensor(input, "input"),
        Guard.ints(kernelSize, "kernelSize"), Guard.ints(dilation, "dilation"),
        Guard.ints(padding, "padding"), Guard.ints(stride, "stride"));
    long[] k = pair(op, "kernelSize", kernelSize);
    long[] d = pair(op, "dilation", dilation);
    long[] p = pair(op, "padding", padding);
    long[] s = pair(op, "stride", stride);
    try {
      return NativeTensors.wrap(torch.im2col(NativeTensors.handle(input, op, "input"), k, d, p,
          s));
    } catch (RuntimeException e) {
      throw NativeTensors.fail(op, e, input);
    }
  }

  /**
   * Columns summed back into an image, with dilation 1, no padding and stride 1, as {@code
   * F.fold(input, output_size, kernel_size)}.
   *
   * <p>Shape: {@code [N, C*kh*kw, L] -> [N, C, oh, ow]}, unbatched {@code [C*kh*kw, L] -> [C,
   * oh, ow]} ({@link Rule#COL2IM}).
   *
   * @param outputSize the image's height and width, one size or a pair
   * @param kernelSize one size or a pair
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.COL2IM, args = {"input", "outputSize", "kernelSize", "1", "0", "1"})
  public static Tensor fold(Tensor input, long[] outputSize, long[] kernelSize) {
    return fold(input, outputSize, kernelSize, new long[] {1}, new long[] {0}, new long[] {1});
  }

  /**
   * Columns summed back into an image, as {@code F.fold(input, output_size, kernel_size,
   * dilation, padding, stride)}: each column is block {@code l} of the padded image, as {@link
   * #unfold(Tensor, long[], long[], long[], long[])} lays it out; overlapping entries are
   * summed and the padding is cut off.
   *
   * <p>Shape: {@code [N, C*kh*kw, L] -> [N, C, oh, ow]}, unbatched {@code [C*kh*kw, L] -> [C,
   * oh, ow]} ({@link Rule#COL2IM}), {@code L} the number of blocks {@code outputSize} holds.
   *
   * @param outputSize the image's height and width, one size or a pair, each at least 1
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} for an input other than
   *     2-D or 3-D, {@code [shape.split.size]} for a column count that does not divide by
   *     {@code kh*kw}, {@code [shape.mismatch.argument]} for a block count other than the one
   *     {@code outputSize} holds, {@code [shape.conv.params]} and {@code [shape.conv.size]} as
   *     {@code unfold}
   * @throws IllegalArgumentException for a size or parameter above 2^31 - 1
   */
  @Variants(Variant.FUNCTIONAL)
  @ShapeRule(value = Rule.COL2IM,
      args = {"input", "outputSize", "kernelSize", "dilation", "padding", "stride"})
  public static Tensor fold(Tensor input, long[] outputSize, long[] kernelSize, long[] dilation,
      long[] padding, long[] stride) {
    String op = "F.fold";
    Guard.rule(Rule.COL2IM, op, Guard.tensor(input, "input"),
        Guard.ints(outputSize, "outputSize"), Guard.ints(kernelSize, "kernelSize"),
        Guard.ints(dilation, "dilation"), Guard.ints(padding, "padding"),
        Guard.ints(stride, "stride"));
    long[] o = pair(op, "outputSize", outputSize);
    long[] k = pair(op, "kernelSize", kernelSize);
    long[] d = pair(op, "dilation", dilation);
    long[] p = pair(op, "padding", padding);
    long[] s = pair(op, "stride", stride);
    try {
      return NativeTensors.wrap(torch.col2im(NativeTensors.handle(input, op, "input"), o, k, d,
          p, s));
    } catch (RuntimeException e) {
      throw NativeTensors.fail(op, e, input);
    }
  }

  /** One value or a pair (the rule has checked the count and signs) as a pair, bounded. */
  private static long[] pair(String op, String name, long[] values) {
    long[] two = values.length == 1 ? new long[] {values[0], values[0]} : values.clone();
    for (long v : two) {
      if (v > MAX_PARAMETER) {
        throw new IllegalArgumentException(UserCall.attribute(op) + ": " + name + " must be at"
            + " most " + MAX_PARAMETER + ", got " + java.util.Arrays.toString(values));
      }
    }
    return two;
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code F.unfold} (libtorch's {@code im2col}) and {@code F.fold} ({@code col2im}): sliding
 * blocks of a 2-D image as columns, and back. Every window parameter (kernel size, dilation,
 * padding, stride) is one value for both spatial dims or a pair; the number of blocks is {@code
 * L = prod_d floor((size_d + 2 p_d - dil_d (k_d - 1) - 1) / s_d + 1)} over the two spatial dims.
 */
public final class FoldRules {

  private FoldRules() {}

  /**
   * {@code unfold(input, kernelSize, dilation, padding, stride)}. Shape: {@code [N, C, H, W] ->
   * [N, C*kh*kw, L]}, unbatched {@code [C, H, W] -> [C*kh*kw, L]}. Any other rank is a {@link
   * MessageKeys#RANK} mismatch; a kernel, dilation or stride below 1, a negative padding or a
   * parameter that is neither one value nor a pair a {@link MessageKeys#CONV_PARAMS} one; an
   * image smaller than the dilated kernel (no block) a {@link MessageKeys#CONV_SIZE} one.
   */
  public static ShapeResult<TensorShape> unfold(String op, TensorShape input,
      List<DimExpr> kernelSize, List<DimExpr> dilation, List<DimExpr> padding,
      List<DimExpr> stride) {
    Params p = params(op, 1, kernelSize, dilation, padding, stride);
    if (p.failure != null) {
      return p.failure;
    }
    int r = input.rank();
    if (input.hasVariadic() ? r > 4 : r != 3 && r != 4) {
      return RuleSupport.fail(MessageKeys.RANK, op, "expected a 4-D [N, C, H, W] or unbatched"
          + " 3-D [C, H, W] input, got " + input, 0, -1);
    }
    if (input.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    DimExpr blocks = DimExpr.of(1);
    for (int i = 0; i < 2; i++) {
      DimExpr size = input.dim(r - 2 + i);
      DimExpr out = ConvRules.outputSize(size, p.kernel.get(i), p.stride.get(i),
          p.padding.get(i), p.dilation.get(i), false);
      if (out.isConstant() && out.constantValue() < 1) {
        return RuleSupport.fail(MessageKeys.CONV_SIZE, op, "input " + input + " is too small:"
            + " spatial dim " + i + " has size " + size + " (padded "
            + size.plus(p.padding.get(i).times(DimExpr.of(2))) + "), smaller than the dilated"
            + " kernel size " + p.dilation.get(i).times(p.kernel.get(i).minus(DimExpr.of(1)))
                .plus(DimExpr.of(1)) + ", so there is no block", 0, r - 2 + i);
      }
      blocks = blocks.times(out);
    }
    DimExpr columns = input.dim(r - 3).times(p.kernel.get(0)).times(p.kernel.get(1));
    List<DimExpr> dims = new ArrayList<>();
    if (r == 4) {
      dims.add(input.dim(0));
    }
    dims.add(columns);
    dims.add(blocks);
    return ShapeResult.ok(TensorShape.of(dims));
  }

  /**
   * {@code fold(input, outputSize, kernelSize, dilation, padding, stride)}, the inverse
   * arrangement of {@link #unfold} (overlapping blocks are summed). Shape: {@code [N, C*kh*kw, L]
   * -> [N, C, oh, ow]}, unbatched {@code [C*kh*kw, L] -> [C, oh, ow]}, where {@code L} must be the
   * number of blocks that {@code outputSize} holds ({@link MessageKeys#MISMATCH_ARGUMENT}) and
   * the column count must divide by {@code kh*kw} ({@link MessageKeys#SPLIT_SIZE}). Other keys as
   * {@link #unfold}; an output size other than one value or a pair, or below 1, is a {@link
   * MessageKeys#CONV_PARAMS} mismatch.
   */
  public static ShapeResult<TensorShape> fold(String op, TensorShape input,
      List<DimExpr> outputSize, List<DimExpr> kernelSize, List<DimExpr> dilation,
      List<DimExpr> padding, List<DimExpr> stride) {
    Params p = params(op, 2, kernelSize, dilation, padding, stride);
    if (p.failure != null) {
      return p.failure;
    }
    List<DimExpr> size = ConvRules.expandParam(outputSize, 2);
    if (size == null) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op, "outputSize must be one size or two"
          + " (height, width), got " + outputSize, 1, -1);
    }
    for (DimExpr s : size) {
      if (ConvRules.nonPositive(s)) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op, "outputSize must be positive, got "
            + outputSize, 1, -1);
      }
    }
    int r = input.rank();
    if (input.hasVariadic() ? r > 3 : r != 2 && r != 3) {
      return RuleSupport.fail(MessageKeys.RANK, op, "expected a 3-D [N, C*kh*kw, L] or"
          + " unbatched 2-D [C*kh*kw, L] input, got " + input, 0, -1);
    }
    if (input.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    DimExpr blocks = DimExpr.of(1);
    for (int i = 0; i < 2; i++) {
      DimExpr out = ConvRules.outputSize(size.get(i), p.kernel.get(i), p.stride.get(i),
          p.padding.get(i), p.dilation.get(i), false);
      if (out.isConstant() && out.constantValue() < 1) {
        return RuleSupport.fail(MessageKeys.CONV_SIZE, op, "outputSize " + size + " is too"
            + " small: spatial dim " + i + " (padded " + size.get(i).plus(
                p.padding.get(i).times(DimExpr.of(2))) + ") is smaller than the dilated kernel"
            + " size " + p.dilation.get(i).times(p.kernel.get(i).minus(DimExpr.of(1)))
                .plus(DimExpr.of(1)) + ", so it holds no block", 1, -1);
      }
      blocks = blocks.times(out);
    }
    DimExpr columns = input.dim(r - 2);
    DimExpr window = p.kernel.get(0).times(p.kernel.get(1));
    if (columns.isConstant() && window.isConstant()
        && columns.constantValue() % window.constantValue() != 0) {
      return RuleSupport.fail(MessageKeys.SPLIT_SIZE, op, "input " + input + " has "
          + columns + " columns (dim " + (r - 2) + "), which do not divide by the kernel's "
          + window + " positions (kernelSize " + p.kernel + ")", 0, r - 2);
    }
    DimExpr l = input.dim(r - 1);
    if (RuleSupport.differ(l, blocks)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_ARGUMENT, op, "input " + input + " has "
          + l + " blocks (dim " + (r - 1) + "), but outputSize " + size + " holds " + blocks
          + " blocks of kernelSize " + p.kernel + " (dilation " + p.dilation + ", padding "
          + p.padding + ", stride " + p.stride + ")", 0, r - 1);
    }
    List<DimExpr> dims = new ArrayList<>();
    if (r == 3) {
      dims.add(input.dim(0));
    }
    dims.add(window.isConstant() && window.constantValue() == 1 ? columns
        : columns.floorDiv(window));
    dims.addAll(size);
    return ShapeResult.ok(TensorShape.of(dims));
  }

  /** The four window parameters, each expanded to a pair, or the mismatch they give. */
  private record Params(List<DimExpr> kernel, List<DimExpr> dilation, List<DimExpr> padding,
      List<DimExpr> stride, ShapeResult<TensorShape> failure) {}

  private static Params params(String op, int first, List<DimExpr> kernelSize,
      List<DimExpr> dilation, List<DimExpr> padding, List<DimExpr> stride) {
    List<List<DimExpr>> given = java.util.Arrays.asList(kernelSize, dilation, padding, stride);
    String[] names = {"kernelSize", "dilation", "padding", "stride"};
    List<List<DimExpr>> pairs = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      List<DimExpr> pair = ConvRules.expandParam(given.get(j), 2);
      if (pair == null) {
        return new Params(null, null, null, null, RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            names[j] + " must be one value or two (height, width), got " + given.get(j),
            first + j, -1));
      }
      for (DimExpr d : pair) {
        boolean bad = j == 2 ? d.isConstant() && d.constantValue() < 0 : ConvRules.nonPositive(d);
        if (bad) {
          return new Params(null, null, null, null, RuleSupport.fail(MessageKeys.CONV_PARAMS,
              op, names[j] + (j == 2 ? " must be >= 0" : " must be positive") + ", got "
                  + given.get(j), first + j, -1));
        }
      }
      pairs.add(pair);
    }
    return new Params(pairs.get(0), pairs.get(1), pairs.get(2), pairs.get(3), null);
  }

  /** {@link Rule#IM2COL}'s inputs: input, kernelSize, dilation, padding, stride. */
  static ShapeResult<TensorShape> unfold(RuleArgs a) {
    return unfold(a.op, a.tensor(0), a.ints(1), a.ints(2), a.ints(3), a.ints(4));
  }

  /** {@link Rule#COL2IM}'s inputs: input, outputSize, kernelSize, dilation, padding, stride. */
  static ShapeResult<TensorShape> fold(RuleArgs a) {
    return fold(a.op, a.tensor(0), a.ints(1), a.ints(2), a.ints(3), a.ints(4), a.ints(5));
  }
}

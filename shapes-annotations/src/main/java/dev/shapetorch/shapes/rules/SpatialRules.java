package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/** Resizing and padding of spatial dims: {@code interpolate} and {@code pad}. */
public final class SpatialRules {
  private SpatialRules() {}

  /**
   * {@code interpolate(input, size)}. Shape: {@code [N, C, *spatial] -> [N, C, *size]}; {@code
   * size} has one entry per spatial dim, or one for all. Keys {@link MessageKeys#RANK}, {@link
   * MessageKeys#SPATIAL_PARAMS}.
   */
  public static ShapeResult<TensorShape> interpolate(
      String op, TensorShape input, List<DimExpr> size) {
    return resize(op, input, size, false);
  }

  /**
   * {@code interpolate(input, scaleFactor)} with integer factors. Shape: {@code [N, C, H, W] ->
   * [N, C, H*f0, W*f1]}.
   */
  public static ShapeResult<TensorShape> interpolateScale(
      String op, TensorShape input, List<DimExpr> factors) {
    return resize(op, input, factors, true);
  }

  private static ShapeResult<TensorShape> resize(
      String op, TensorShape input, List<DimExpr> values, boolean scale) {
    int r = input.rank();
    if (!input.hasVariadic() && r < 3) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "expected an input [N, C, *spatial] with 1 to 3 spatial dims, got " + input, 0, -1);
    }
    if (input.hasVariadic() && values.size() > r) {
      // The spatial dims are not all among the known trailing dims: nothing to check.
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    int spatial = input.hasVariadic() ? Math.min(values.size(), r) : r - 2;
    if (values.size() != 1 && values.size() != spatial) {
      return RuleSupport.fail(MessageKeys.SPATIAL_PARAMS, op,
          (scale ? "scaleFactor " : "size ") + values + " must have 1 or " + spatial
              + " entries for input " + input, 1, -1);
    }
    List<DimExpr> out = new ArrayList<>(input.dims());
    for (int i = 0; i < spatial; i++) {
      DimExpr v = values.size() == 1 ? values.get(0) : values.get(i);
      if (v.isConstant() && v.constantValue() <= 0) {
        return RuleSupport.fail(MessageKeys.SPATIAL_PARAMS, op,
            (scale ? "scaleFactor " : "size ") + values + " must be positive", 1, -1);
      }
      int at = r - spatial + i;
      out.set(at, scale ? input.dim(at).times(v) : v);
    }
    if (input.hasVariadic() && values.size() == 1) {
      // How many of the known dims before the last are spatial (resized) rather than the batch
      // and channels (kept) is not known: those the value would change are unknown.
      for (int at = 0; at < r - 1; at++) {
        DimExpr resized = scale ? input.dim(at).times(values.get(0)) : values.get(0);
        if (!resized.equals(input.dim(at))) {
          out.set(at, DimExpr.UNKNOWN);
        }
      }
    }
    return ShapeResult.ok(TensorShape.of(input.variadic(), out));
  }

  /**
   * {@code F.pad(input, pads)}: pads come in (before, after) pairs starting from the last dim;
   * negative pads crop. Shape: {@code [.., H, W].pad(l, r, t, b) -> [.., H+t+b, W+l+r]}. Key
   * {@link MessageKeys#SPATIAL_PARAMS} (odd count, too many pairs, or a size below 0).
   */
  public static ShapeResult<TensorShape> pad(String op, TensorShape input, List<DimExpr> pads) {
    int r = input.rank();
    if (pads.size() % 2 != 0 || (!input.hasVariadic() && pads.size() / 2 > r)) {
      return RuleSupport.fail(MessageKeys.SPATIAL_PARAMS, op,
          "pads " + pads + " must come in pairs, at most one pair per dim of " + input, 1, -1);
    }
    int pairs = pads.size() / 2;
    if (pairs > r) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, pairs));
    }
    List<DimExpr> out = new ArrayList<>(input.dims());
    for (int k = 0; k < pairs; k++) {
      int at = r - 1 - k;
      DimExpr d = input.dim(at).plus(pads.get(2 * k)).plus(pads.get(2 * k + 1));
      if (d.isConstant() && d.constantValue() < 0) {
        return RuleSupport.fail(MessageKeys.SPATIAL_PARAMS, op,
            "pads " + pads + " crop " + RuleSupport.dimIs(input, at) + " of " + input
                + " below 0 (to " + d + ")", 1, at);
      }
      out.set(at, d);
    }
    return ShapeResult.ok(TensorShape.of(input.variadic(), out));
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#INTERPOLATE}'s inputs: input, size. */
  static ShapeResult<TensorShape> interpolate(RuleArgs a) {
    TensorShape in = a.tensor(0);
    List<DimExpr> v = a.ints(1);
    return v == null ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank()))
        : interpolate(a.op, in, v);
  }

  /** {@link Rule#PAD}'s inputs: input, pads. */
  static ShapeResult<TensorShape> pad(RuleArgs a) {
    TensorShape in = a.tensor(0);
    List<DimExpr> pads = a.ints(1);
    return pads == null ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank()))
        : pad(a.op, in, pads);
  }
}

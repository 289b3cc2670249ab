package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * The rules of {@code pixel_shuffle} and {@code pixel_unshuffle}: channels traded for spatial
 * size by a factor {@code r}, so the channel count must divide by {@code r*r} (shuffle), or
 * the height and width by {@code r} (unshuffle).
 */
public final class PixelShuffleRules {
  private PixelShuffleRules() {}

  /**
   * {@code pixel_shuffle(input, r)}.
   *
   * <p>Shape: {@code [*b, C*r*r, H, W] -> [*b, C, H*r, W*r]}. Fewer than 3 dims is a {@link
   * MessageKeys#RANK} mismatch, a factor below 1 {@link MessageKeys#RULE_ARGUMENTS}, a channel
   * count that does not divide by {@code r*r} {@link MessageKeys#SPLIT_SIZE} (naming the op, the
   * dim and the factor).
   */
  public static ShapeResult<TensorShape> pixelShuffle(String op, TensorShape input, long r) {
    return resample(op, input, r, true);
  }

  /**
   * {@code pixel_unshuffle(input, r)}.
   *
   * <p>Shape: {@code [*b, C, H*r, W*r] -> [*b, C*r*r, H, W]}. Fewer than 3 dims is a {@link
   * MessageKeys#RANK} mismatch, a factor below 1 {@link MessageKeys#RULE_ARGUMENTS}, a height or
   * width that does not divide by {@code r} {@link MessageKeys#SPLIT_SIZE}.
   */
  public static ShapeResult<TensorShape> pixelUnshuffle(String op, TensorShape input, long r) {
    return resample(op, input, r, false);
  }

  private static ShapeResult<TensorShape> resample(
      String op, TensorShape input, long r, boolean shuffle) {
    String name = shuffle ? "pixel_shuffle" : "pixel_unshuffle";
    String factor = shuffle ? "upscaleFactor" : "downscaleFactor";
    if (r < 1) {
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op, factor + " must be >= 1, got "
          + r + "; pass a positive factor", 1, -1);
    }
    if (input.rank() < 3) {
      if (input.hasVariadic()) {
        return ShapeResult.ok(RuleSupport.unknownDims(input, 3));
      }
      return RuleSupport.fail(MessageKeys.RANK, op, name + " needs an input [*b, C, H, W] of at"
          + " least 3 dims, got " + input + "; add a channel dim (unsqueeze)", 0, -1);
    }
    int c = input.rank() - 3;
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    DimExpr rr = DimExpr.of(r);
    if (shuffle) {
      DimExpr cr = DimExpr.of(r * r);
      ShapeResult<DimExpr> ch = divide(op, input, c, cr, factor + " " + r + " squared ("
          + (r * r) + ")");
      if (!ch.isOk()) {
        return RuleSupport.failed(ch);
      }
      out.set(c, ch.value());
      out.set(c + 1, input.dim(c + 1).times(rr));
      out.set(c + 2, input.dim(c + 2).times(rr));
    } else {
      for (int i = c + 1; i <= c + 2; i++) {
        ShapeResult<DimExpr> d = divide(op, input, i, rr, factor + " " + r);
        if (!d.isOk()) {
          return RuleSupport.failed(d);
        }
        out.set(i, d.value());
      }
      out.set(c, input.dim(c).times(DimExpr.of(r * r)));
    }
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /** {@code input.dim(at) / by}, a mismatch if a constant does not divide. */
  private static ShapeResult<DimExpr> divide(
      String op, TensorShape input, int at, DimExpr by, String what) {
    DimExpr size = input.dim(at);
    if (size.isUnknown()) {
      return ShapeResult.ok(DimExpr.UNKNOWN);
    }
    if (size.isConstant()) {
      if (size.constantValue() % by.constantValue() != 0) {
        int fromEnd = at - input.rank();
        return RuleSupport.fail(MessageKeys.SPLIT_SIZE, op, "dim " + fromEnd + " of "
            + input + " has size " + size.constantValue() + ", which does not divide by the "
            + what + "; make it a multiple or change the factor", 0, at);
      }
      return ShapeResult.ok(DimExpr.of(size.constantValue() / by.constantValue()));
    }
    return ShapeResult.ok(RuleSupport.is(size.mod(by), 0) ? size.floorDiv(by) : DimExpr.UNKNOWN);
  }

  /**
   * The {@code PixelShuffle} / {@code PixelUnshuffle} module with the factor its type holds.
   * Module vector: {@code [r]}. Shape: {@link #pixelShuffle}'s or {@link #pixelUnshuffle}'s.
   */
  static ShapeResult<TensorShape> layer(
      String op, TensorShape module, TensorShape input, boolean shuffle) {
    if (module.hasVariadic() || module.rank() != 1 || !module.dim(0).isConstant()) {
      if (!module.hasVariadic() && module.rank() != 1) {
        return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
            "a pixel shuffle layer has the hyperparameters [factor], got " + module, 0, -1);
      }
      return ShapeResult.ok(RuleSupport.unknownDims(input, Math.max(input.rank(), 3)));
    }
    return resample(op, input, module.dim(0).constantValue(), shuffle);
  }

  /** {@link Rule#PIXEL_SHUFFLE}'s and {@link Rule#PIXEL_UNSHUFFLE}'s inputs: input, factor. */
  static ShapeResult<TensorShape> functional(RuleArgs a, boolean shuffle) {
    TensorShape in = a.tensor(0);
    Long r = a.constant(1);
    return r == null ? ShapeResult.ok(RuleSupport.unknownDims(in, Math.max(in.rank(), 3)))
        : resample(a.op, in, r, shuffle);
  }
}

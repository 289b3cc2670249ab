package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * The rule of the gated linear unit ({@code F.glu}): the input is split in two halves along a
 * dim, so that dim's size must be even and halves.
 */
public final class GatingRules {
  private GatingRules() {}

  /**
   * {@code glu(input, dim)}: the first half along {@code dim} times the sigmoid of the second.
   *
   * <p>Shape: {@code [a, 2h, c] (dim 1) -> [a, h, c]}. A 0-d input is a {@link
   * MessageKeys#RANK} mismatch, a dim out of range {@link MessageKeys#DIM_RANGE}, an odd size
   * {@link MessageKeys#SPLIT_SIZE} (naming the op, the dim and its size). A size the checker
   * does not know halves to an unknown size when it cannot tell that it is even.
   */
  public static ShapeResult<TensorShape> glu(String op, TensorShape input, long dim) {
    if (!input.hasVariadic() && input.rank() == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op, "a 0-d input " + input
          + " has no dim to halve; glu needs a tensor with at least one dim", 0, -1);
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int at = n.value();
    if (at < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
    }
    DimExpr size = input.dim(at);
    if (size.isConstant() && size.constantValue() % 2 != 0) {
      return RuleSupport.fail(MessageKeys.SPLIT_SIZE, op, "dim " + dim + " of " + input
          + " has odd size " + size.constantValue() + "; glu halves it, so it must be even", 0,
          at);
    }
    DimExpr half;
    if (size.isUnknown()) {
      half = DimExpr.UNKNOWN;
    } else if (size.isConstant()) {
      half = DimExpr.of(size.constantValue() / 2);
    } else {
      half = RuleSupport.is(size.mod(DimExpr.of(2)), 0) ? size.floorDiv(DimExpr.of(2))
          : DimExpr.UNKNOWN;
    }
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.set(at, half);
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /**
   * The {@code GLU} module along the dim its type holds. Module vector: {@code [dim]}. Shape:
   * {@link #glu}'s; a dim the checker does not know halves an unknown dim.
   */
  public static ShapeResult<TensorShape> gluLayer(
      String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
    }
    if (module.rank() != 1) {
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
          "a GLU layer has the hyperparameters [dim], got " + module, 0, -1);
    }
    DimExpr dim = module.dim(0);
    if (!dim.isConstant()) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
    }
    return glu(op, input, dim.constantValue());
  }

  /** {@link Rule#GLU}'s inputs: input, dim. */
  static ShapeResult<TensorShape> glu(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    return d == null ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank())) : glu(a.op, in, d);
  }
}

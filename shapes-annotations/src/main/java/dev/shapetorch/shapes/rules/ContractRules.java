package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * Layers' constructor contracts: the hyperparameters a layer's shapes depend on, checked where
 * the layer is built. The checker runs them on a constructor call's constant arguments ({@code
 * new Conv2d(3, 4, 0)} is a compile error); the layer's {@code Spec} runs them on its values. An
 * argument the checker does not know as a constant is never an error on its own. The result is
 * the scalar shape {@code []}: a contract computes no shape (the constructor's {@code @Shape}
 * gives the layer's type).
 */
final class ContractRules {
  private ContractRules() {}

  private static final ShapeResult<TensorShape> FINE = ShapeResult.ok(TensorShape.of());

  /**
   * {@link Rule#CONV_CONTRACT}: a convolution's {@code (in, out, kernel, stride, padding,
   * dilation, groups)}: channels, kernel, stride and dilation positive, padding not negative,
   * groups positive and dividing both channel counts. Key: {@link MessageKeys#CONV_PARAMS}.
   */
  static ShapeResult<TensorShape> conv(RuleArgs a) {
    String op = a.op;
    ShapeResult<TensorShape> bad = positive(op, "in", a.integer(0), 0);
    bad = bad != null ? bad : positive(op, "out", a.integer(1), 1);
    bad = bad != null ? bad : positive(op, "kernel", a.ints(2), 2);
    bad = bad != null ? bad : positive(op, "stride", a.ints(3), 3);
    bad = bad != null ? bad : notNegative(op, "padding", a.ints(4), 4);
    bad = bad != null ? bad : positive(op, "dilation", a.ints(5), 5);
    if (bad != null) {
      return bad;
    }
    Long in = a.constant(0);
    Long out = a.constant(1);
    Long groups = a.constant(6);
    if (groups != null && (groups <= 0 || in != null && in % groups != 0
        || out != null && out % groups != 0)
        || groups == null && (notDividing(a.integer(6), a.integer(0))
            || notDividing(a.integer(6), a.integer(1)))) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op, "groups (" + groups
          + ") must be positive and divide both in (" + a.integer(0) + ") and out ("
          + a.integer(1) + ") channels; choose groups among their common divisors", 6, -1);
    }
    return FINE;
  }

  /**
   * {@link Rule#GROUP_NORM_CONTRACT}: a group norm's {@code (numGroups, numChannels)}, both
   * positive, the groups dividing the channels. Key: {@link MessageKeys#MODULE_PARAMS}.
   */
  static ShapeResult<TensorShape> groupNorm(RuleArgs a) {
    return divides(a, "numGroups", "numChannels", 0, 1,
        "; choose a numGroups that divides it (1 normalises all channels together)");
  }

  /**
   * {@link Rule#ATTENTION_CONTRACT}: multi-head attention's {@code (embedDim, numHeads)}, both
   * positive, the heads dividing the embedding size (each head gets {@code embedDim/numHeads}
   * features). Key: {@link MessageKeys#MODULE_PARAMS}.
   */
  static ShapeResult<TensorShape> attention(RuleArgs a) {
    return divides(a, "numHeads", "embedDim", 1, 0,
        ", each head taking embedDim/numHeads features; choose a numHeads that divides it");
  }

  private static ShapeResult<TensorShape> divides(RuleArgs a, String divisorName,
      String dividendName, int divisorInput, int dividendInput, String advice) {
    DimExpr dividend = a.integer(dividendInput);
    DimExpr divisor = a.integer(divisorInput);
    ShapeResult<TensorShape> bad = positive(a.op, MessageKeys.MODULE_PARAMS, dividendName,
        dividend, dividendInput);
    bad = bad != null ? bad
        : positive(a.op, MessageKeys.MODULE_PARAMS, divisorName, divisor, divisorInput);
    if (bad != null) {
      return bad;
    }
    if (notDividing(divisor, dividend)) {
      return RuleSupport.fail(MessageKeys.MODULE_PARAMS, a.op, dividendName + " (" + dividend
          + ") must be divisible by " + divisorName + " (" + divisor + ")" + advice,
          divisorInput, -1);
    }
    return FINE;
  }

  /**
   * True if {@code divisor} provably does not divide {@code dividend}: constants that do not,
   * or a remainder whose normal form is a non-zero constant ({@code (2*C+1) % 2}). Under a
   * caller's divisibility facts the checker passes sizes in their working form ({@link
   * DivisibilityFacts#expand}), so {@code (C+2) % 4} with {@code 4 | C} is 2 here.
   */
  static boolean notDividing(DimExpr divisor, DimExpr dividend) {
    return DivisibilityFacts.NONE.divides(divisor, dividend) == DivisibilityFacts.Truth.FAILS;
  }

  private static ShapeResult<TensorShape> positive(String op, String name, DimExpr v,
      int input) {
    return positive(op, MessageKeys.CONV_PARAMS, name, v, input);
  }

  private static ShapeResult<TensorShape> positive(String op, String key, String name,
      DimExpr v, int input) {
    if (v.isConstant() && v.constantValue() <= 0) {
      return RuleSupport.fail(key, op, name + " must be positive, got " + v, input, -1);
    }
    return null;
  }

  /** Each known element positive; a list of unknown length is never an error. */
  private static ShapeResult<TensorShape> positive(String op, String name, List<DimExpr> values,
      int input) {
    for (int i = 0; values != null && i < values.size(); i++) {
      ShapeResult<TensorShape> bad = positive(op, name, values.get(i), input);
      if (bad != null) {
        return bad;
      }
    }
    return null;
  }

  private static ShapeResult<TensorShape> notNegative(String op, String name,
      List<DimExpr> values, int input) {
    for (int i = 0; values != null && i < values.size(); i++) {
      DimExpr v = values.get(i);
      if (v.isConstant() && v.constantValue() < 0) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            name + " must not be negative, got " + v, input, -1);
      }
    }
    return null;
  }
}

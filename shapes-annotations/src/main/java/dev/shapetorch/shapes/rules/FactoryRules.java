package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/** Rules for ops that create tensors of a requested shape: factories and {@code oneHot}. */
public final class FactoryRules {
  private FactoryRules() {}

  /**
   * {@code zeros(sizes)}, {@code ones}, {@code empty}, {@code rand}... Shape: exactly {@code
   * sizes}. Key {@link MessageKeys#SIZE_NEGATIVE}.
   */
  public static ShapeResult<TensorShape> sizes(String op, List<DimExpr> sizes) {
    for (int i = 0; i < sizes.size(); i++) {
      DimExpr s = sizes.get(i);
      if (s.isConstant() && s.constantValue() < 0) {
        return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
            "sizes must be >= 0, got " + sizes + " (entry " + i + " = " + s + ")", 0, i);
      }
    }
    return ShapeResult.ok(TensorShape.of(sizes));
  }

  /** {@link #sizes(String, List)} on concrete sizes (the runtime's fast path). */
  public static ShapeResult<TensorShape> sizes(String op, long... sizes) {
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < 0) {
        return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
            "sizes must be >= 0, got " + java.util.Arrays.toString(sizes) + " (entry " + i
                + " = " + sizes[i] + ")", 0, i);
      }
    }
    return ShapeResult.ok(TensorShape.of(sizes));
  }

  /**
   * {@code F.oneHot(indices, numClasses)}. Shape: {@code [*] -> [*, numClasses]}; {@code
   * numClasses = -1} (infer from the data) gives an unknown last size. Key {@link
   * MessageKeys#SIZE_NEGATIVE}.
   */
  public static ShapeResult<TensorShape> oneHot(
      String op, TensorShape indices, DimExpr numClasses) {
    DimExpr n = numClasses;
    if (RuleSupport.is(n, -1)) {
      n = DimExpr.UNKNOWN;
    } else if (n.isConstant() && n.constantValue() < 0) {
      return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
          "numClasses must be >= 0 or -1, got " + n, 1, -1);
    }
    List<DimExpr> out = new ArrayList<>(indices.dims());
    out.add(n);
    return ShapeResult.ok(TensorShape.of(indices.variadic(), out));
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#ONE_HOT}'s inputs: indices, numClasses. */
  static ShapeResult<TensorShape> oneHot(RuleArgs a) {
    return oneHot(a.op, a.tensor(0), a.integer(1));
  }

  /** {@link Rule#SIZES}'s inputs: sizes. */
  static ShapeResult<TensorShape> sizes(RuleArgs a) {
    List<DimExpr> sizes = a.ints(0);
    return sizes == null ? ShapeResult.ok(TensorShape.unknownRank()) : sizes(a.op, sizes);
  }
}

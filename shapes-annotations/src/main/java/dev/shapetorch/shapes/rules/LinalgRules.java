package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.linalg} rules that a {@code @Shape} pattern cannot express: {@code solve}'s
 * choice between a right-hand side of vectors and one of matrices, with batch broadcasting.
 *
 * <p>Mismatches name both operands' shapes and the dims that disagree: {@code
 * [shape.mismatch.linalg.solve] Linalg.solve: B's rows differ from A's size: A is [3, 3] (dim 1 =
 * 3), B is [4, 2] (dim 0 = 4)}. Keys: {@link MessageKeys#MISMATCH_LINALG_SQUARE}, {@link
 * MessageKeys#MISMATCH_LINALG_SOLVE}, {@link MessageKeys#MISMATCH_LINALG_BATCH}, {@link
 * MessageKeys#RANK}.
 */
public final class LinalgRules {
  private LinalgRules() {}

  /**
   * {@code torch.linalg.solve(A, B)}, which solves {@code A X = B}.
   *
   * <p>Shape: {@code A [*ba, n, n]}. {@code B} is a batch of vectors {@code [*bb, n]} when it is
   * 1-D or when its shape is exactly {@code A}'s without the last dim (PyTorch's rule); then the
   * result is {@code [*broadcast(ba, bb), n]}. Otherwise {@code B} is {@code [*bb, n, k]} and the
   * result {@code [*broadcast(ba, bb), n, k]}. A shape with a variadic prefix, or a {@code B}
   * whose kind an unknown size hides, gives a result of unknown rank (A must still be square).
   */
  public static ShapeResult<TensorShape> solve(String op, TensorShape a, TensorShape b) {
    int ra = a.rank();
    if (!a.hasVariadic() && ra < 2) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "A must be a square matrix or a batch of them, [*b, n, n]; A is " + a, 0, -1);
    }
    if (ra >= 2 && RuleSupport.differ(a.dim(ra - 2), a.dim(ra - 1))) {
      return RuleSupport.fail(MessageKeys.MISMATCH_LINALG_SQUARE, op,
          "A must be square, [*b, n, n]: A is " + a + " (" + RuleSupport.dimIs(a, ra - 2) + ", "
              + RuleSupport.dimIs(a, ra - 1) + ")", 0, ra - 1);
    }
    int rb = b.rank();
    if (!b.hasVariadic() && rb == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "B must be [*b, n, k] (columns) or [*b, n] (a vector); B is " + b, 1, -1);
    }
    if (a.hasVariadic() || b.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    Boolean vector = vectorCase(a, b);
    if (vector == null) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    DimExpr n = a.dim(ra - 1).isUnknown() ? a.dim(ra - 2) : a.dim(ra - 1);
    int rowsAt = vector ? rb - 1 : rb - 2;
    if (RuleSupport.differ(n, b.dim(rowsAt))) {
      return RuleSupport.fail(MessageKeys.MISMATCH_LINALG_SOLVE, op,
          "B's rows differ from A's size: A is " + a + " (" + RuleSupport.dimIs(a, ra - 1)
              + "), B is " + b + " (" + RuleSupport.dimIs(b, rowsAt) + "); B must be [*b, "
              + n + ", k] or [*b, " + n + "]", 1, rowsAt);
    }
    TensorShape batchA = TensorShape.of(a.dims().subList(0, ra - 2));
    TensorShape batchB = TensorShape.of(b.dims().subList(0, rowsAt));
    TensorShape batch = Broadcasting.shape(batchA, batchB);
    if (batch == null) {
      int[] c = Broadcasting.conflict(batchA, batchB);
      return RuleSupport.fail(MessageKeys.MISMATCH_LINALG_BATCH, op,
          "batch dims " + batchA + " and " + batchB + " cannot be broadcast: A is " + a + " ("
              + RuleSupport.dimIs(a, c[0]) + "), B is " + b + " (" + RuleSupport.dimIs(b, c[1])
              + "); batch sizes must be equal, or one of them 1", 1, c[1]);
    }
    List<DimExpr> out = new ArrayList<>(batch.dims());
    out.add(n.isUnknown() ? b.dim(rowsAt) : n);
    if (!vector) {
      out.add(b.dim(rb - 1));
    }
    return ShapeResult.ok(TensorShape.of(out));
  }

  /**
   * Whether {@code B} is a batch of vectors, as PyTorch decides it: 1-D, or exactly {@code A}'s
   * shape without its last dim. Null when an unknown size leaves that open.
   */
  private static Boolean vectorCase(TensorShape a, TensorShape b) {
    int rb = b.rank();
    if (rb == 1) {
      return true;
    }
    if (rb != a.rank() - 1) {
      return false;
    }
    boolean open = false;
    for (int i = 0; i < rb; i++) {
      DimExpr x = a.dim(i);
      DimExpr y = b.dim(i);
      if (RuleSupport.differ(x, y)) {
        return false;
      }
      if (x.isUnknown() || y.isUnknown()) {
        open = true;
      }
    }
    return open ? null : true;
  }
}

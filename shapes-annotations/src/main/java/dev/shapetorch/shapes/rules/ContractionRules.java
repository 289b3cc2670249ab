package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Products over chosen dims and their relatives: {@code tensordot}, {@code kron}, {@code cdist},
 * {@code diag} and {@code meshgrid}, with PyTorch's rules.
 *
 * <p>Contracted sizes must be equal or 1 (libtorch broadcasts a size of 1); a pair that is
 * neither is a {@link MessageKeys#MISMATCH_CONTRACTION} naming both operands and dims. Dims out of
 * range are {@link MessageKeys#DIM_RANGE}, ranks an op does not take {@link MessageKeys#RANK}.
 * What is not known (a variadic prefix, a dims count that is not a constant) gives unknown sizes,
 * never an error.
 */
public final class ContractionRules {
  private ContractionRules() {}

  /**
   * {@code tensordot(a, b, dims)}: the last {@code dims} dims of {@code a} contract with the
   * first {@code dims} of {@code b}.
   *
   * <p>Shape: {@code [2, 3, 4]} and {@code [3, 4, 5]} with {@code dims = 2} give {@code [2, 5]};
   * {@code dims = 0} is the outer product {@code [*a, *b]}.
   */
  public static ShapeResult<TensorShape> tensordot(
      String op, TensorShape a, TensorShape b, DimExpr dims) {
    if (!dims.isConstant()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    long d = dims.constantValue();
    if (d < 0) {
      return RuleSupport.fail(MessageKeys.DIM_RANGE, op,
          "dims = " + d + " is negative; give how many trailing dims of a contract with leading"
              + " dims of b (0 or more)", 2, -1);
    }
    if (a.hasVariadic() || b.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    if (d > a.rank() || d > b.rank()) {
      return RuleSupport.fail(MessageKeys.DIM_RANGE, op,
          "dims = " + d + " contracts more dims than a " + a + " (rank " + a.rank() + ") or b "
              + b + " (rank " + b.rank() + ") has; use at most " + Math.min(a.rank(), b.rank()),
          2, -1);
    }
    int n = (int) d;
    long[] dimsA = new long[n];
    long[] dimsB = new long[n];
    for (int i = 0; i < n; i++) {
      dimsA[i] = a.rank() - n + i;
      dimsB[i] = i;
    }
    return tensordot(op, a, b, dimsA, dimsB);
  }

  /**
   * {@code tensordot(a, b, dims=(dimsA, dimsB))}: dim {@code dimsA[i]} of {@code a} contracts
   * with dim {@code dimsB[i]} of {@code b}; the result is a's other dims, then b's, in order.
   *
   * <p>Shape: {@code [2, 3, 4]} and {@code [4, 3, 5]} with {@code ([1, 2], [1, 0])} give {@code
   * [2, 5]}.
   *
   * @param dimsA the dims of a, or null when not known
   * @param dimsB the dims of b, or null when not known
   */
  public static ShapeResult<TensorShape> tensordot(
      String op, TensorShape a, TensorShape b, long[] dimsA, long[] dimsB) {
    if (dimsA != null && dimsB != null && dimsA.length != dimsB.length) {
      return RuleSupport.fail(MessageKeys.DIM_RANGE, op,
          "dimsA has " + dimsA.length + " dims and dimsB " + dimsB.length + "; give one dim of b"
              + " per dim of a", 2, -1);
    }
    if (dimsA == null || dimsB == null || a.hasVariadic() || b.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    boolean[] contractedA = new boolean[a.rank()];
    boolean[] contractedB = new boolean[b.rank()];
    for (int i = 0; i < dimsA.length; i++) {
      int da = RuleSupport.wrap(dimsA[i], a.rank(), false);
      if (da < 0) {
        return RuleSupport.dimRange(op, a, dimsA[i], a.rank(), 2);
      }
      int db = RuleSupport.wrap(dimsB[i], b.rank(), false);
      if (db < 0) {
        return RuleSupport.dimRange(op, b, dimsB[i], b.rank(), 3);
      }
      if (contractedA[da] || contractedB[db]) {
        return RuleSupport.fail(MessageKeys.DIM_ORDER, op,
            "dim " + (contractedA[da] ? dimsA[i] + " of a" : dimsB[i] + " of b")
                + " appears twice in the dims to contract; name each dim once", 2, -1);
      }
      contractedA[da] = true;
      contractedB[db] = true;
      DimExpr x = a.dim(da);
      DimExpr y = b.dim(db);
      if (Broadcasting.dim(x, y) == null) {
        return RuleSupport.fail(MessageKeys.MISMATCH_CONTRACTION, op,
            "contracted dims differ: a is " + a + " (" + RuleSupport.dimIs(a, da) + "), b is " + b
                + " (" + RuleSupport.dimIs(b, db) + "); contracted sizes must be equal (or 1)",
            0, da);
      }
    }
    List<DimExpr> out = new ArrayList<>();
    for (int i = 0; i < a.rank(); i++) {
      if (!contractedA[i]) {
        out.add(a.dim(i));
      }
    }
    for (int i = 0; i < b.rank(); i++) {
      if (!contractedB[i]) {
        out.add(b.dim(i));
      }
    }
    return ShapeResult.ok(TensorShape.of(out));
  }

  /**
   * {@code kron(a, b)}, the Kronecker product: both shapes are aligned from the right (the
   * shorter gets leading 1s) and each size is the product of the pair.
   *
   * <p>Shape: {@code [2, 3]} and {@code [4, 5]} give {@code [8, 15]}; {@code [2, 3]} and {@code
   * [4, 5, 6]} give {@code [4, 10, 18]}.
   */
  public static ShapeResult<TensorShape> kron(String op, TensorShape a, TensorShape b) {
    if (a.hasVariadic() || b.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    int rank = Math.max(a.rank(), b.rank());
    List<DimExpr> out = new ArrayList<>(rank);
    for (int i = 0; i < rank; i++) {
      int ia = i - (rank - a.rank());
      int ib = i - (rank - b.rank());
      DimExpr x = ia < 0 ? DimExpr.of(1) : a.dim(ia);
      DimExpr y = ib < 0 ? DimExpr.of(1) : b.dim(ib);
      out.add(x.times(y));
    }
    return ShapeResult.ok(TensorShape.of(out));
  }

  /**
   * {@code cdist(x1, x2)}: the distance between each row of {@code x1} and each row of {@code x2},
   * batch dims broadcast.
   *
   * <p>Shape: {@code [*b1, P, M]} and {@code [*b2, R, M]} give {@code [*broadcast(b1, b2), P,
   * R]}; both need at least 2 dims and the same columns M.
   */
  public static ShapeResult<TensorShape> cdist(String op, TensorShape x1, TensorShape x2) {
    for (int k = 0; k < 2; k++) {
      TensorShape s = k == 0 ? x1 : x2;
      if (!s.hasVariadic() && s.rank() < 2) {
        return RuleSupport.fail(MessageKeys.RANK, op,
            "x" + (k + 1) + " is " + s + " (rank " + s.rank() + "); cdist takes [*, P, M] rows of"
                + " M columns, at least 2 dims (unsqueeze(0) a single row)", k, -1);
      }
    }
    if (x1.rank() >= 1 && x2.rank() >= 1) {
      int c1 = x1.rank() - 1;
      int c2 = x2.rank() - 1;
      if (RuleSupport.differ(x1.dim(c1), x2.dim(c2))) {
        return RuleSupport.fail(MessageKeys.MISMATCH_CONTRACTION, op,
            "x1 and x2 need the same number of columns: x1 is " + x1 + " ("
                + RuleSupport.dimIs(x1, c1) + "), x2 is " + x2 + " (" + RuleSupport.dimIs(x2, c2)
                + ")", 1, c2);
      }
    }
    if (x1.hasVariadic() || x2.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    TensorShape batch1 = TensorShape.of(x1.dims().subList(0, x1.rank() - 2));
    TensorShape batch2 = TensorShape.of(x2.dims().subList(0, x2.rank() - 2));
    ShapeResult<TensorShape> batch = Broadcasting.broadcast(op, batch1, batch2);
    if (!batch.isOk()) {
      return RuleSupport.fail(MessageKeys.BROADCAST, op,
          "the batch dims of x1 " + x1 + " and x2 " + x2 + " do not broadcast: "
              + batch.mismatch().detail(), 1, -1);
    }
    List<DimExpr> out = new ArrayList<>(batch.value().dims());
    out.add(x1.dim(x1.rank() - 2));
    out.add(x2.dim(x2.rank() - 2));
    return ShapeResult.ok(TensorShape.of(out));
  }

  /**
   * {@code diag(input, diagonal)}: a vector becomes a square matrix with it on the {@code
   * diagonal}-th diagonal; a matrix gives that diagonal as a vector (empty when the diagonal
   * lies outside).
   *
   * <p>Shape: {@code [n]} gives {@code [n+|k|, n+|k|]}; {@code [m, n]} gives {@code [min(m,
   * n-k)]} for {@code k >= 0}, {@code [min(m+k, n)]} for {@code k < 0}, 0 when negative; other
   * ranks are a {@link MessageKeys#RANK} mismatch.
   */
  public static ShapeResult<TensorShape> diag(String op, TensorShape input, DimExpr diagonal) {
    if (input.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    if (input.rank() != 1 && input.rank() != 2) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "input is " + input + " (rank " + input.rank() + "); diag takes a vector (to make a"
              + " matrix) or a matrix (to take a diagonal); for batches use diagonal or"
              + " diagEmbed", 0, -1);
    }
    if (input.rank() == 1) {
      DimExpr side = diagonal.isConstant()
          ? input.dim(0).plus(DimExpr.of(Math.abs(diagonal.constantValue()))) : DimExpr.UNKNOWN;
      return ShapeResult.ok(TensorShape.of(List.of(side, side)));
    }
    DimExpr m = input.dim(0);
    DimExpr n = input.dim(1);
    if (!diagonal.isConstant() || !m.isConstant() || !n.isConstant()) {
      return ShapeResult.ok(TensorShape.unknownOfRank(1));
    }
    long k = diagonal.constantValue();
    long len = k >= 0 ? Math.min(m.constantValue(), n.constantValue() - k)
        : Math.min(m.constantValue() + k, n.constantValue());
    return ShapeResult.ok(TensorShape.of(Math.max(0, len)));
  }

  /**
   * {@code meshgrid(tensors, indexing)}: each output has one dim per input, the inputs' lengths
   * in order ({@code "ij"}), or with the first two swapped ({@code "xy"}).
   *
   * <p>Shape: {@code [2], [3]} give {@code [2, 3]} each ({@code "ij"}); {@code [2], [3], [4]}
   * give {@code [3, 2, 4]} each ({@code "xy"}); a 0-d input counts as length 1. Inputs of rank 2
   * or more are a {@link MessageKeys#RANK} mismatch, no input at all a {@link
   * MessageKeys#JOIN_EMPTY} one. An indexing that is not a constant, or not
   * {@code "ij"}/{@code "xy"}, leaves the first two sizes unknown.
   *
   * @param tensors the inputs' shapes, or null when not known
   * @param indexing {@code "ij"} or {@code "xy"}, or null when not known
   */
  public static ShapeResult<TensorShape> meshgrid(
      String op, List<TensorShape> tensors, String indexing) {
    if (tensors == null) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    if (tensors.isEmpty()) {
      return RuleSupport.fail(MessageKeys.JOIN_EMPTY, op,
          "expected at least one tensor; pass the 1-d coordinate tensors", 0, -1);
    }
    List<DimExpr> out = new ArrayList<>(tensors.size());
    for (int i = 0; i < tensors.size(); i++) {
      TensorShape t = tensors.get(i);
      if (t.hasVariadic()) {
        out.add(DimExpr.UNKNOWN);
        continue;
      }
      if (t.rank() > 1) {
        return RuleSupport.fail(MessageKeys.RANK, op,
            "tensor " + i + " is " + t + " (rank " + t.rank() + "); meshgrid takes 0-d or 1-d"
                + " tensors (flatten() it first)", 0, -1);
      }
      out.add(t.rank() == 0 ? DimExpr.of(1) : t.dim(0));
    }
    if (out.size() >= 2) {
      if ("xy".equals(indexing)) {
        DimExpr first = out.get(0);
        out.set(0, out.get(1));
        out.set(1, first);
      } else if (!"ij".equals(indexing)) {
        out.set(0, DimExpr.UNKNOWN);
        out.set(1, DimExpr.UNKNOWN);
      }
    }
    return ShapeResult.ok(TensorShape.of(out));
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Matrix products: {@code matmul} with PyTorch's 1-D, 2-D and batched cases, and the strict
 * {@code mm}, {@code bmm}, {@code mv}, {@code dot}, {@code outer} and {@code linear}.
 *
 * <p>Contracted dims must be equal (an unknown size matches anything); batch dims of {@code
 * matmul} broadcast, those of {@code bmm} must be equal. Mismatches name both operands' shapes
 * and the dims that disagree (for batch dims, the batch shapes too): {@code
 * [shape.mismatch.matmul] Torch.matmul: inner dimensions differ: a is [B, 784] (dim 1 = 784), b
 * is [128, 10] (dim 0 = 128)}. Each strict product has its own inner-dimension key under {@code
 * shape.mismatch.matmul} ({@code shape.mismatch.matmul.mm}, {@code .bmm}, {@code .mv}, {@code
 * .dot}), so a tool matching the family's prefix sees them all; rank mismatches are {@link
 * MessageKeys#RANK}, as for {@code matmul}.
 */
public final class MatmulRules {
  private MatmulRules() {}

  /**
   * {@code torch.matmul}.
   *
   * <p>Shape: {@code [n] @ [n] -> []}; {@code [n,m] @ [m,p] -> [n,p]}; {@code [m] @ [m,p] ->
   * [p]}; {@code [n,m] @ [m] -> [n]}; {@code [*ba,n,m] @ [*bb,m,p] -> [*broadcast(ba,bb),n,p]}
   * (a 1-D operand gets a dim of 1 prepended (a) or appended (b), removed afterwards). 0-D
   * operands are a {@link MessageKeys#RANK} mismatch.
   */
  public static ShapeResult<TensorShape> matmul(String op, TensorShape a, TensorShape b) {
    int ra = a.rank();
    int rb = b.rank();
    if ((ra == 0 && !a.hasVariadic()) || (rb == 0 && !b.hasVariadic())) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "both arguments need at least 1 dimension: a is " + a + ", b is " + b, ra == 0 ? 0 : 1,
          -1);
    }
    boolean aVector = !a.hasVariadic() && ra == 1;
    boolean bVector = !b.hasVariadic() && rb == 1;
    boolean aKnown = aVector || ra >= 2;
    boolean bKnown = bVector || rb >= 2;
    int ka = ra - 1;
    int kb = bVector ? 0 : rb - 2;
    if (ra >= 1 && kb >= 0 && RuleSupport.differ(a.dim(ka), b.dim(kb))) {
      return inner(MessageKeys.MISMATCH_MATMUL, op, a, b, ka, kb);
    }
    if (!aKnown || !bKnown) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    if (aVector && bVector) {
      return ShapeResult.ok(TensorShape.of());
    }
    if (!a.hasVariadic() && !b.hasVariadic() && ra <= 2 && rb <= 2) {
      List<DimExpr> out = new ArrayList<>(2);
      if (!aVector) {
        out.add(a.dim(0));
      }
      if (!bVector) {
        out.add(b.dim(1));
      }
      return ShapeResult.ok(TensorShape.of(out));
    }
    TensorShape batchA = aVector ? TensorShape.of() : batch(a, ra - 2);
    TensorShape batchB = bVector ? TensorShape.of() : batch(b, rb - 2);
    TensorShape batch = Broadcasting.shape(batchA, batchB);
    if (batch == null) {
      int[] c = Broadcasting.conflict(batchA, batchB);
      return RuleSupport.fail(MessageKeys.MISMATCH_MATMUL_BATCH, op,
          "batch dims " + batchA + " and " + batchB + " cannot be broadcast: a is " + a + " ("
              + RuleSupport.dimIs(a, c[0]) + "), b is " + b + " (" + RuleSupport.dimIs(b, c[1])
              + "); batch sizes must be equal, or one of them 1", 1, c[1]);
    }
    List<DimExpr> out = new ArrayList<>(batch.dims());
    if (!aVector) {
      out.add(a.dim(ra - 2));
    }
    if (!bVector) {
      out.add(b.dim(rb - 1));
    }
    return ShapeResult.ok(TensorShape.of(batch.variadic(), out));
  }

  /**
   * {@code mm}. Shape: {@code [n,m] @ [m,p] -> [n,p]}; both exactly 2-D. Keys {@link
   * MessageKeys#MISMATCH_MM} (inner dims), {@link MessageKeys#RANK}.
   */
  public static ShapeResult<TensorShape> mm(String op, TensorShape a, TensorShape b) {
    ShapeResult<TensorShape> r = exactRank(op, a, b, 2, 2);
    if (r != null) {
      return r;
    }
    ShapeResult<TensorShape> inner = inner(MessageKeys.MISMATCH_MM, op, a, 1, 2, b, 0, 2);
    if (inner != null) {
      return inner;
    }
    return ShapeResult.ok(TensorShape.of(List.of(at(a, 0, 2), at(b, 1, 2))));
  }

  /**
   * {@code bmm}. Shape: {@code [b,n,m] @ [b,m,p] -> [b,n,p]}; batch sizes must be equal. Keys
   * {@link MessageKeys#MISMATCH_BMM} (inner dims), {@link MessageKeys#MISMATCH_MATMUL_BATCH},
   * {@link MessageKeys#RANK}.
   */
  public static ShapeResult<TensorShape> bmm(String op, TensorShape a, TensorShape b) {
    ShapeResult<TensorShape> r = exactRank(op, a, b, 3, 3);
    if (r != null) {
      return r;
    }
    DimExpr batchA = at(a, 0, 3);
    DimExpr batchB = at(b, 0, 3);
    if (RuleSupport.differ(batchA, batchB)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_MATMUL_BATCH, op,
          "batch sizes differ: a is " + a + " (" + RuleSupport.dimIs(a, 0) + "), b is " + b
              + " (" + RuleSupport.dimIs(b, 0) + ")", 1, 0);
    }
    ShapeResult<TensorShape> inner = inner(MessageKeys.MISMATCH_BMM, op, a, 2, 3, b, 1, 3);
    if (inner != null) {
      return inner;
    }
    DimExpr batch = batchA.isUnknown() ? batchB : batchA;
    return ShapeResult.ok(TensorShape.of(List.of(batch, at(a, 1, 3), at(b, 2, 3))));
  }

  /**
   * {@code mv}. Shape: {@code [n,m] @ [m] -> [n]}. Keys {@link MessageKeys#MISMATCH_MV} (the
   * vector's length), {@link MessageKeys#RANK}.
   */
  public static ShapeResult<TensorShape> mv(String op, TensorShape a, TensorShape v) {
    ShapeResult<TensorShape> r = exactRank(op, a, v, 2, 1);
    if (r != null) {
      return r;
    }
    ShapeResult<TensorShape> inner = inner(MessageKeys.MISMATCH_MV, op, a, 1, 2, v, 0, 1);
    if (inner != null) {
      return inner;
    }
    return ShapeResult.ok(TensorShape.of(List.of(at(a, 0, 2))));
  }

  /**
   * {@code dot}. Shape: {@code [n] . [n] -> []}. Keys {@link MessageKeys#MISMATCH_DOT} (the
   * lengths), {@link MessageKeys#RANK}.
   */
  public static ShapeResult<TensorShape> dot(String op, TensorShape a, TensorShape b) {
    ShapeResult<TensorShape> r = exactRank(op, a, b, 1, 1);
    if (r != null) {
      return r;
    }
    ShapeResult<TensorShape> inner = inner(MessageKeys.MISMATCH_DOT, op, a, 0, 1, b, 0, 1);
    return inner != null ? inner : ShapeResult.ok(TensorShape.of());
  }

  /**
   * {@code outer}. Shape: {@code [n] x [m] -> [n,m]}; nothing is contracted, so the only
   * mismatch is {@link MessageKeys#RANK}.
   */
  public static ShapeResult<TensorShape> outer(String op, TensorShape a, TensorShape b) {
    ShapeResult<TensorShape> r = exactRank(op, a, b, 1, 1);
    if (r != null) {
      return r;
    }
    return ShapeResult.ok(TensorShape.of(List.of(at(a, 0, 1), at(b, 0, 1))));
  }

  /**
   * {@code F.linear(input, weight, bias)}.
   *
   * <p>Shape: {@code [*, in] x [out, in] (+ [out]) -> [*, out]}; a 1-D weight {@code [in]}
   * gives {@code [*]}. {@code bias} may be null (absent); it must broadcast to the output
   * without changing it. Keys: {@link MessageKeys#MISMATCH_LINEAR}, {@link
   * MessageKeys#MISMATCH_LINEAR_BIAS}, {@link MessageKeys#RANK}.
   */
  public static ShapeResult<TensorShape> linear(
      String op, TensorShape input, TensorShape weight, TensorShape bias) {
    if (weight.hasVariadic() || input.rank() == 0) {
      if (!input.hasVariadic() && input.rank() == 0) {
        return RuleSupport.fail(MessageKeys.RANK, op,
            "input must have at least 1 dimension, got " + input, 0, -1);
      }
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    if (weight.rank() != 1 && weight.rank() != 2) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "weight must be 1-D or 2-D ([out, in]), got " + weight, 1, -1);
    }
    int in = input.rank() - 1;
    int win = weight.rank() - 1;
    if (RuleSupport.differ(input.dim(in), weight.dim(win))) {
      return RuleSupport.fail(MessageKeys.MISMATCH_LINEAR, op,
          "the input's last dim differs from the weight's in-features: input is " + input + " ("
              + RuleSupport.dimIs(input, in) + "), weight is " + weight + " ("
              + RuleSupport.dimIs(weight, win) + ")", 0, in);
    }
    List<DimExpr> out = new ArrayList<>(input.dims().subList(0, in));
    if (weight.rank() == 2) {
      out.add(weight.dim(0));
    }
    TensorShape result = TensorShape.of(input.variadic(), out);
    if (bias != null) {
      ShapeResult<TensorShape> withBias = Broadcasting.broadcast(op, result, bias);
      // Under a prefix of unknown length, a bias with more dims may still fit.
      boolean open = result.hasVariadic() || bias.hasVariadic();
      if (!withBias.isOk() || (!open && withBias.value().rank() != result.rank())
          || (!open && bias.rank() > result.rank())) {
        return RuleSupport.fail(MessageKeys.MISMATCH_LINEAR_BIAS, op,
            "bias " + bias + " does not fit the output " + result + " (weight is " + weight
                + "; expected bias [" + (weight.rank() == 2 ? weight.dim(0) : "") + "])", 2, -1);
      }
    }
    return ShapeResult.ok(result);
  }

  private static TensorShape batch(TensorShape s, int end) {
    return TensorShape.of(s.variadic(), s.dims().subList(0, end));
  }

  /**
   * A rank mismatch, or null when both ranks fit. A shape with a variadic prefix fits when its
   * explicit dims are not more than the rank wanted; they are then its trailing dims ({@link
   * #at}).
   */
  private static ShapeResult<TensorShape> exactRank(
      String op, TensorShape a, TensorShape b, int wantA, int wantB) {
    boolean badA = a.hasVariadic() ? a.rank() > wantA : a.rank() != wantA;
    boolean badB = b.hasVariadic() ? b.rank() > wantB : b.rank() != wantB;
    if (badA || badB) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "expected a " + wantA + "-D and a " + wantB + "-D tensor: a is " + a + ", b is " + b,
          badA ? 0 : 1, -1);
    }
    return null;
  }

  /**
   * Dim {@code i} of a shape that has rank {@code rank}: with a variadic prefix hiding the
   * leading dims, the explicit dims are the trailing ones, and a hidden dim is unknown.
   */
  private static DimExpr at(TensorShape s, int i, int rank) {
    int j = i - (rank - s.rank());
    return j >= 0 ? s.dim(j) : DimExpr.UNKNOWN;
  }

  /**
   * A mismatch under {@code key} when dim {@code ia} of {@code a} (of rank {@code rankA}) and
   * dim {@code ib} of {@code b} (of rank {@code rankB}) are known and differ, else null.
   */
  private static ShapeResult<TensorShape> inner(String key, String op, TensorShape a, int ia,
      int rankA, TensorShape b, int ib, int rankB) {
    int ja = ia - (rankA - a.rank());
    int jb = ib - (rankB - b.rank());
    if (ja < 0 || jb < 0 || !RuleSupport.differ(a.dim(ja), b.dim(jb))) {
      return null;
    }
    return inner(key, op, a, b, ja, jb);
  }

  private static ShapeResult<TensorShape> inner(
      String key, String op, TensorShape a, TensorShape b, int ia, int ib) {
    return RuleSupport.fail(key, op,
        "inner dimensions differ: a is " + a + " (" + RuleSupport.dimIs(a, ia) + "), b is " + b
            + " (" + RuleSupport.dimIs(b, ib) + ")", 1, ib);
  }

  /** {@link Rule#LINEAR}'s inputs: input, weight, bias or absent. */
  static ShapeResult<TensorShape> linear(RuleArgs a) {
    return linear(a.op, a.tensor(0), a.tensor(1), a.optionalTensor(2));
  }
}

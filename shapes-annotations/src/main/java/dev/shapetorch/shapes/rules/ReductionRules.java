package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * Reductions: over every element ({@code sum()}, {@code mean()}), over one dim ({@code
 * sum(dim, keepdim)}, {@code argmax(dim)}), and over several dims.
 */
public final class ReductionRules {
  private ReductionRules() {}

  /** {@code sum()}, {@code mean()}, {@code max()}...: Shape: {@code [*] -> []}. */
  public static ShapeResult<TensorShape> reduceAll(String op, TensorShape input) {
    return ShapeResult.ok(TensorShape.of());
  }

  /**
   * {@code loss.backward()} without a gradient: the tensor must hold exactly one element (any
   * rank: {@code []}, {@code [1]}, {@code [1, 1]}). Shape: unchanged. A known size other than 1
   * is a mismatch (a 0 leaves no element, a larger one several); unknown sizes pass. Key {@link
   * MessageKeys#NUMEL_ONE}.
   */
  public static ShapeResult<TensorShape> oneElement(String op, TensorShape input) {
    for (int i = 0; i < input.rank(); i++) {
      DimExpr d = input.dim(i);
      if (d.isConstant() && d.constantValue() != 1) {
        String count = input.isConcrete()
            ? "has " + input.numel() + " elements" : "does not have one element";
        return RuleSupport.fail(MessageKeys.NUMEL_ONE, op,
            "a tensor of shape " + input + " " + count + " (" + RuleSupport.dimIs(input, i)
                + "), and only a one-element tensor has an implicit gradient; reduce it first "
                + "(sum(), mean()) or pass a gradient of shape " + input, 0, i);
      }
    }
    return ShapeResult.ok(input);
  }

  /**
   * {@code sum(dim, keepdim)}. Shape: {@code [a,b,c].sum(1) -> [a,c]}; with keepdim {@code
   * [a,1,c]}. A 0-d input accepts dim 0 or -1 and stays 0-d. Key {@link MessageKeys#DIM_RANGE}.
   */
  public static ShapeResult<TensorShape> reduceDim(
      String op, TensorShape input, long dim, boolean keepdim) {
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int at = n.value();
    if (!input.hasVariadic() && input.rank() == 0) {
      return ShapeResult.ok(input);
    }
    if (at < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank() - (keepdim ? 0 : 1)));
    }
    if (input.isConcrete()) {
      int r = input.rank();
      long[] out = new long[keepdim ? r : r - 1];
      for (int i = 0, j = 0; i < r; i++) {
        if (i != at) {
          out[j++] = input.size(i);
        } else if (keepdim) {
          out[j++] = 1;
        }
      }
      return ShapeResult.ok(TensorShape.ofOwned(out));
    }
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    if (keepdim) {
      out.set(at, DimExpr.of(1));
    } else {
      out.remove(at);
    }
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /**
   * {@code sum(dims, keepdim)}. Shape: {@code [a,b,c].sum([0,2]) -> [b]}; with keepdim {@code
   * [1,b,1]}. As in PyTorch, an empty list reduces every dim. Keys {@link
   * MessageKeys#DIM_RANGE}, {@link MessageKeys#DIM_ORDER} (a dim given twice).
   */
  public static ShapeResult<TensorShape> reduceDims(
      String op, TensorShape input, long[] dims, boolean keepdim) {
    int r = input.rank();
    if (dims.length == 0) {
      if (input.hasVariadic()) {
        return ShapeResult.ok(keepdim ? RuleSupport.unknownDims(input, r) : TensorShape.of());
      }
      return ShapeResult.ok(keepdim ? TensorShape.of(java.util.Collections.nCopies(r,
          DimExpr.of(1))) : TensorShape.of());
    }
    boolean[] reduce = new boolean[Math.max(r, 1)];
    boolean unlocated = false;
    for (long d : dims) {
      ShapeResult<Integer> n = DimRules.normalizeDim(op, input, d, 1);
      if (!n.isOk()) {
        return RuleSupport.failed(n);
      }
      int at = n.value();
      if (at < 0) {
        unlocated = true;
        continue;
      }
      if (reduce[at]) {
        return RuleSupport.fail(MessageKeys.DIM_ORDER, op,
            "dim " + d + " appears more than once in " + java.util.Arrays.toString(dims)
                + " for " + input, 1, at);
      }
      reduce[at] = true;
    }
    if (!input.hasVariadic() && r == 0) {
      return ShapeResult.ok(input);
    }
    if (unlocated) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    List<DimExpr> out = new java.util.ArrayList<>(r);
    for (int i = 0; i < r; i++) {
      if (!reduce[i]) {
        out.add(input.dim(i));
      } else if (keepdim) {
        out.add(DimExpr.of(1));
      }
    }
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /**
   * {@code argmax(dim, keepdim)}/{@code argmin}: like {@link #reduceDim}, but reducing a dim of
   * literal size 1 is a mismatch ({@link MessageKeys#REDUCE_TRIVIAL}): the answer is always 0,
   * which libtorch computes silently. Shape: {@code [N,C].argmax(1) -> [N]}.
   */
  public static ShapeResult<TensorShape> argReduceDim(
      String op, TensorShape input, long dim, boolean keepdim) {
    ShapeResult<TensorShape> r = reduceDim(op, input, dim, keepdim);
    if (!r.isOk() || input.rank() == 0) {
      return r;
    }
    int at = DimRules.normalizeDim(op, input, dim, 1).value();
    if (at >= 0 && RuleSupport.is(input.dim(at), 1)) {
      return RuleSupport.fail(MessageKeys.REDUCE_TRIVIAL, op,
          "dim " + dim + " of " + input + " has size 1, so the result is always 0; reduce "
              + "another dim, or squeeze it first", 1, at);
    }
    return r;
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#REDUCE_DIM}'s inputs: input, dim, keepdim. */
  static ShapeResult<TensorShape> reduceDim(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    Boolean keep = a.bool(2);
    return d == null || keep == null ? unknownDim(in, keep) : reduceDim(a.op, in, d, keep);
  }

  /**
   * A distance or similarity of two broadcast tensors along one dim ({@code cosineSimilarity},
   * {@code pairwiseDistance}): the two shapes broadcast, then {@code dim} of the result is
   * reduced.
   *
   * <p>Shape: {@code [N, D], [1, D] (dim 1) -> [N]}, keepdim {@code [N, 1]}. Keys: {@link
   * MessageKeys#BROADCAST} when the shapes do not broadcast, {@link MessageKeys#DIM_RANGE} when
   * {@code dim} is out of range for the broadcast shape (argument 2).
   */
  public static ShapeResult<TensorShape> broadcastReduceDim(
      String op, TensorShape a, TensorShape b, long dim, boolean keepdim) {
    ShapeResult<TensorShape> both = Broadcasting.broadcast(op, a, b);
    if (!both.isOk()) {
      return both;
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, both.value(), dim, 2);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    return reduceDim(op, both.value(), dim, keepdim);
  }

  /** {@link Rule#BROADCAST_REDUCE_DIM}'s inputs: a, b, dim, keepdim. */
  static ShapeResult<TensorShape> broadcastReduceDim(RuleArgs a) {
    TensorShape x = a.tensor(0);
    TensorShape y = a.tensor(1);
    Long d = a.constant(2);
    Boolean keep = a.bool(3);
    if (d == null || keep == null) {
      ShapeResult<TensorShape> both = Broadcasting.broadcast(a.op, x, y);
      return both.isOk() ? unknownDim(both.value(), keep) : both;
    }
    return broadcastReduceDim(a.op, x, y, d, keep);
  }

  /** {@link Rule#ARG_REDUCE_DIM}'s inputs: input, dim, keepdim. */
  static ShapeResult<TensorShape> argReduceDim(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    Boolean keep = a.bool(2);
    return d == null || keep == null ? unknownDim(in, keep) : argReduceDim(a.op, in, d, keep);
  }

  /** One dim reduced, which or whether kept unknown. */
  private static ShapeResult<TensorShape> unknownDim(TensorShape in, Boolean keep) {
    return ShapeResult.ok(keep == null ? TensorShape.unknownRank()
        : RuleSupport.unknownDims(in, keep ? in.rank() : Math.max(in.rank() - 1, 0)));
  }

  /** {@link Rule#REDUCE_DIMS}'s inputs: input, dims, keepdim. */
  static ShapeResult<TensorShape> reduceDims(RuleArgs a) {
    TensorShape in = a.tensor(0);
    long[] dims = a.constants(1);
    Boolean keep = a.bool(2);
    if (dims == null || keep == null) {
      return ShapeResult.ok(keep != null && keep
          ? RuleSupport.unknownDims(in, in.rank()) : TensorShape.unknownRank());
    }
    return reduceDims(a.op, in, dims, keep);
  }
}

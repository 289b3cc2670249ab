package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules that join tensors or split one: {@code cat}, {@code stack}, {@code split}, {@code
 * chunk}.
 *
 * <p>{@code split} and {@code chunk} return one shape for every piece: sizes that differ
 * between pieces (a smaller last piece) are unknown.
 */
public final class JoinRules {
  private JoinRules() {}

  /**
   * {@code cat(tensors, dim)}.
   *
   * <p>Shape: {@code [a, X, c] ++ [a, Y, c] (dim 1) -> [a, X+Y, c]}; every other dim must agree.
   * As in PyTorch, 1-D empty tensors {@code [0]} are skipped. Keys: {@link
   * MessageKeys#MISMATCH_CAT} (argument 0, dim = the disagreeing dim), {@link MessageKeys#RANK},
   * {@link MessageKeys#JOIN_EMPTY}.
   */
  public static ShapeResult<TensorShape> cat(String op, List<TensorShape> tensors, long dim) {
    List<TensorShape> parts = new ArrayList<>(tensors.size());
    for (TensorShape t : tensors) {
      if (!(t.isConcrete() && t.rank() == 1 && t.size(0) == 0)) {
        parts.add(t);
      }
    }
    if (parts.isEmpty()) {
      return tensors.isEmpty()
          ? RuleSupport.fail(MessageKeys.JOIN_EMPTY, op, "expected a non-empty list of tensors",
              0, -1)
          : ShapeResult.ok(TensorShape.of(0));
    }
    TensorShape first = parts.get(0);
    for (TensorShape t : parts) {
      if (!t.hasVariadic() && t.rank() == 0) {
        return RuleSupport.fail(MessageKeys.RANK, op,
            "zero-dimensional tensor " + t + " cannot be concatenated; use stack", 0, -1);
      }
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, widest(parts), dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int at = n.value();
    boolean allConcrete = true;
    for (TensorShape t : parts) {
      allConcrete &= t.isConcrete();
    }
    if (allConcrete) {
      long[] out = first.toArray();
      for (int k = 1; k < parts.size(); k++) {
        TensorShape t = parts.get(k);
        if (t.rank() != out.length) {
          return rank(op, first, t, k);
        }
        for (int i = 0; i < out.length; i++) {
          if (i == at) {
            out[i] += t.size(i);
          } else if (out[i] != t.size(i)) {
            return differ(op, first, t, k, i, dim);
          }
        }
      }
      return ShapeResult.ok(TensorShape.ofOwned(out));
    }
    int rank = widest(parts).rank();
    List<DimExpr> out = new ArrayList<>(rank);
    for (int i = 0; i < rank; i++) {
      out.add(null);
    }
    DimExpr total = DimExpr.of(0);
    String variadic = null;
    boolean allSameVariadic = true;
    for (int k = 0; k < parts.size(); k++) {
      TensorShape t = parts.get(k);
      allSameVariadic &= t.hasVariadic() && t.variadic().equals(first.variadic());
      if (!t.hasVariadic() && !widest(parts).hasVariadic() && t.rank() != rank
          || t.rank() > rank) {
        return rank(op, first, t, k);
      }
      for (int j = 1; j <= t.rank(); j++) {
        int i = rank - j;
        DimExpr d = t.dim(t.rank() - j);
        // A dim >= 0 under a prefix of unknown length may be any of the first dim + 1 known ones.
        if (i == at || (at < 0 && dim >= 0 && i <= dim)) {
          continue;
        }
        DimExpr seen = out.get(i);
        if (seen != null && RuleSupport.differ(seen, d)) {
          return differ(op, first, t, k, i, dim);
        }
        if (seen == null || seen.isUnknown()) {
          out.set(i, d);
        }
      }
      total = at >= 0 && rank - at <= t.rank() ? total.plus(t.dim(t.rank() - (rank - at)))
          : DimExpr.UNKNOWN;
    }
    if (at >= 0) {
      out.set(at, total);
    }
    for (int i = 0; i < rank; i++) {
      if (out.get(i) == null) {
        out.set(i, DimExpr.UNKNOWN);
      }
    }
    if (widest(parts).hasVariadic()) {
      variadic = allSameVariadic ? first.variadic() : TensorShape.ANONYMOUS_VARIADIC;
      if (at < 0) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
    }
    return ShapeResult.ok(TensorShape.of(variadic, out));
  }

  /**
   * {@code stack(tensors, dim)}: all shapes equal; a new dim of size {@code tensors.size()} is
   * inserted at {@code dim}. Shape: {@code 3 x [a, b] (dim 0) -> [3, a, b]}. Key {@link
   * MessageKeys#MISMATCH_STACK}.
   */
  public static ShapeResult<TensorShape> stack(String op, List<TensorShape> tensors, long dim) {
    if (tensors.isEmpty()) {
      return RuleSupport.fail(MessageKeys.JOIN_EMPTY, op, "expected a non-empty list of tensors",
          0, -1);
    }
    TensorShape first = tensors.get(0);
    TensorShape common = first;
    for (int k = 1; k < tensors.size(); k++) {
      TensorShape t = tensors.get(k);
      boolean sameRank = common.hasVariadic() || t.hasVariadic() || common.rank() == t.rank();
      if (!sameRank || !compatible(common, t)) {
        return RuleSupport.fail(MessageKeys.MISMATCH_STACK, op,
            "stack expects each tensor to be equal size, but got " + first + " at entry 0 and "
                + t + " at entry " + k, 0, -1);
      }
      if (!common.isConcrete()) {
        common = refine(common, t);
      }
    }
    ShapeResult<TensorShape> inserted = DimRules.unsqueeze(op, common, dim);
    ShapeResult<Integer> at = DimRules.normalizeNewDim(op, common, dim, 1);
    if (!inserted.isOk() || at.value() < 0) {
      return inserted;
    }
    List<DimExpr> out = RuleSupport.dimsCopy(inserted.value());
    out.set(at.value(), DimExpr.of(tensors.size()));
    return ShapeResult.ok(TensorShape.of(common.variadic(), out));
  }

  /**
   * {@code split(splitSize, dim)}: pieces of {@code splitSize} along {@code dim}, the last one
   * possibly smaller. Shape of every piece: {@code [.., splitSize, ..]} when {@code splitSize}
   * divides the size (or the size is at most {@code splitSize}: one piece of the whole size),
   * else unknown along {@code dim}. Key {@link MessageKeys#SPLIT_SIZE}.
   */
  public static ShapeResult<TensorShape> split(
      String op, TensorShape input, DimExpr splitSize, long dim) {
    if (splitSize.isConstant() && splitSize.constantValue() <= 0) {
      return RuleSupport.fail(MessageKeys.SPLIT_SIZE, op,
          "split size must be positive, got " + splitSize + " for " + input, 1, -1);
    }
    return piece(op, input, dim, size -> {
      if (size.isConstant() && splitSize.isConstant()) {
        long n = size.constantValue();
        long k = splitSize.constantValue();
        return n <= k ? size : n % k == 0 ? splitSize : DimExpr.UNKNOWN;
      }
      return !size.isUnknown() && !splitSize.isUnknown() && RuleSupport.is(size.mod(splitSize), 0)
          ? splitSize : DimExpr.UNKNOWN;
    });
  }

  /**
   * {@code chunk(chunks, dim)}: {@code chunks} pieces of {@code ceil(size/chunks)} (the last
   * smaller, and fewer pieces when it does not come out even). Shape of every piece: {@code
   * size/chunks} along {@code dim} when it divides evenly, else unknown. Key {@link
   * MessageKeys#SPLIT_SIZE}.
   */
  public static ShapeResult<TensorShape> chunk(
      String op, TensorShape input, DimExpr chunks, long dim) {
    if (chunks.isConstant() && chunks.constantValue() <= 0) {
      return RuleSupport.fail(MessageKeys.SPLIT_SIZE, op,
          "chunk expects a positive number of chunks, got " + chunks + " for " + input, 1, -1);
    }
    return piece(op, input, dim, size -> {
      if (size.isUnknown() || chunks.isUnknown()) {
        return DimExpr.UNKNOWN;
      }
      if (size.isConstant() && chunks.isConstant()) {
        long n = size.constantValue();
        long c = chunks.constantValue();
        long each = (n + c - 1) / c;
        return each == 0 || n % each == 0 ? DimExpr.of(each) : DimExpr.UNKNOWN;
      }
      return RuleSupport.is(size.mod(chunks), 0) ? size.floorDiv(chunks) : DimExpr.UNKNOWN;
    });
  }

  /**
   * Every piece of {@code split(splitSize, dim)}, in order, when their number and sizes are
   * known: {@code ceil(size/splitSize)} pieces of {@code splitSize} along {@code dim}, the last
   * one {@code size % splitSize} when that is not 0. Shape: {@code [5, 3].split(2, 0) -> [2, 3],
   * [2, 3], [1, 3]}. An empty list when the size or the split size is not a positive constant
   * (every piece then has {@link #split}'s shape); the mismatches are {@link #split}'s.
   */
  public static ShapeResult<List<TensorShape>> splitPieces(
      String op, TensorShape input, DimExpr splitSize, long dim) {
    return pieces(split(op, input, splitSize, dim), input, dim, splitSize, false);
  }

  /**
   * Every piece of {@code chunk(chunks, dim)}, in order, when their number and sizes are known:
   * pieces of {@code ceil(size/chunks)} along {@code dim}, the last one smaller, and so {@code
   * ceil(size/ceil(size/chunks))} pieces, possibly fewer than {@code chunks}. Shape: {@code
   * [5].chunk(4, 0) -> [2], [2], [1]}. An empty list when the size or the number of chunks is
   * not a positive constant; the mismatches are {@link #chunk}'s.
   */
  public static ShapeResult<List<TensorShape>> chunkPieces(
      String op, TensorShape input, DimExpr chunks, long dim) {
    return pieces(chunk(op, input, chunks, dim), input, dim, chunks, true);
  }

  private static ShapeResult<List<TensorShape>> pieces(ShapeResult<TensorShape> every,
      TensorShape input, long dim, DimExpr by, boolean chunk) {
    if (!every.isOk()) {
      return ShapeResult.mismatch(every.mismatch());
    }
    int rank = input.rank();
    if (input.hasVariadic() || dim < -rank || dim >= rank || !by.isConstant()) {
      return ShapeResult.ok(List.of());
    }
    int at = (int) (dim < 0 ? dim + rank : dim);
    DimExpr size = input.dim(at);
    if (!size.isConstant() || size.constantValue() <= 0 || by.constantValue() <= 0) {
      return ShapeResult.ok(List.of());
    }
    long n = size.constantValue();
    long each = chunk ? (n + by.constantValue() - 1) / by.constantValue() : by.constantValue();
    List<TensorShape> out = new ArrayList<>();
    for (long start = 0; start < n; start += each) {
      List<DimExpr> dims = RuleSupport.dimsCopy(input);
      dims.set(at, DimExpr.of(Math.min(each, n - start)));
      out.add(TensorShape.of(dims));
    }
    return ShapeResult.ok(List.copyOf(out));
  }

  private static ShapeResult<TensorShape> piece(String op, TensorShape input, long dim,
      java.util.function.UnaryOperator<DimExpr> size) {
    if (!input.hasVariadic() && input.rank() == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op, "cannot split a 0-d tensor " + input, 0, -1);
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 2);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int at = n.value();
    if (at < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
    }
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.set(at, size.apply(input.dim(at)));
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  private static boolean compatible(TensorShape a, TensorShape b) {
    int n = Math.min(a.rank(), b.rank());
    for (int j = 1; j <= n; j++) {
      if (RuleSupport.differ(a.dim(a.rank() - j), b.dim(b.rank() - j))) {
        return false;
      }
    }
    return true;
  }

  /** {@code a} with its unknown sizes filled from {@code b} where ranks line up. */
  private static TensorShape refine(TensorShape a, TensorShape b) {
    if (a.hasVariadic() || b.hasVariadic() || a.rank() != b.rank()) {
      return a.hasVariadic() && !b.hasVariadic() ? b : a;
    }
    List<DimExpr> out = RuleSupport.dimsCopy(a);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).isUnknown()) {
        out.set(i, b.dim(i));
      }
    }
    return TensorShape.of(out);
  }

  private static TensorShape widest(List<TensorShape> parts) {
    TensorShape w = parts.get(0);
    for (TensorShape t : parts) {
      // A shape of fixed rank first; else the prefixed shape that knows the most dims.
      if (t.hasVariadic() == w.hasVariadic() ? t.rank() > w.rank() : !t.hasVariadic()) {
        w = t;
      }
    }
    return w;
  }

  private static ShapeResult<TensorShape> rank(String op, TensorShape first, TensorShape t,
      int k) {
    return RuleSupport.fail(MessageKeys.RANK, op,
        "tensors must have the same number of dims: entry 0 is " + first + ", entry " + k
            + " is " + t, 0, -1);
  }

  private static ShapeResult<TensorShape> differ(String op, TensorShape first, TensorShape t,
      int k, int i, long dim) {
    return RuleSupport.fail(MessageKeys.MISMATCH_CAT, op,
        "sizes must match except in dim " + dim + ": entry 0 is " + first + ", entry " + k
            + " is " + t + " (they differ in dim " + i + ")", 0, i);
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#CAT}'s inputs: tensors, dim. */
  static ShapeResult<TensorShape> cat(RuleArgs a) {
    List<TensorShape> ts = a.tensors(0);
    Long d = a.constant(1);
    return ts == null || d == null ? ShapeResult.ok(TensorShape.unknownRank()) : cat(a.op, ts, d);
  }

  /** {@link Rule#STACK}'s inputs: tensors, dim. */
  static ShapeResult<TensorShape> stack(RuleArgs a) {
    List<TensorShape> ts = a.tensors(0);
    Long d = a.constant(1);
    return ts == null || d == null
        ? ShapeResult.ok(TensorShape.unknownRank()) : stack(a.op, ts, d);
  }

  /** {@link Rule#SPLIT}'s inputs: input, splitSize, dim. */
  static ShapeResult<TensorShape> split(RuleArgs a) {
    TensorShape in = a.tensor(0);
    DimExpr n = a.integer(1);
    Long d = a.constant(2);
    return d == null ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank()))
        : split(a.op, in, n, d);
  }

  /** {@link Rule#CHUNK}'s inputs: input, chunks, dim. */
  static ShapeResult<TensorShape> chunk(RuleArgs a) {
    TensorShape in = a.tensor(0);
    DimExpr n = a.integer(1);
    Long d = a.constant(2);
    return d == null ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank()))
        : chunk(a.op, in, n, d);
  }

  /**
   * {@code unbind(dim)}: the slices along {@code dim}, each without it. Shape: every piece of
   * {@code [a, b, c].unbind(1)} is {@code [a, c]} (there are {@code b} of them). A 0-d tensor has
   * no dim to unbind ({@link MessageKeys#RANK}); a dim out of range is {@link
   * MessageKeys#DIM_RANGE}.
   */
  public static ShapeResult<TensorShape> unbind(String op, TensorShape input, long dim) {
    if (!input.hasVariadic() && input.rank() == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "unbind() cannot be applied to a 0-d tensor " + input
              + "; it has no dim to unbind (reshape it to [1] first)", 0, -1);
    }
    return ReductionRules.reduceDim(op, input, dim, false);
  }

  /** {@link Rule#UNBIND}'s inputs: input, dim. */
  static ShapeResult<TensorShape> unbind(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    if (d == null) {
      // A 0-d input fails whatever the dim; else one dim fewer, which one not known.
      return !in.hasVariadic() && in.rank() == 0 ? unbind(a.op, in, 0)
          : ShapeResult.ok(RuleSupport.unknownDims(in, in.rank() - 1));
    }
    return unbind(a.op, in, d);
  }
}

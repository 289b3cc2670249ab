package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * Indexing along one dim: {@code select}, {@code narrow}, {@code indexSelect}, {@code gather},
 * {@code scatter}; and {@code alongDim} for ops that keep the shape but take a dim ({@code
 * softmax}, {@code cumsum}).
 *
 * <p>Indices are checked against sizes only where both are known constants.
 */
public final class IndexRules {
  private IndexRules() {}

  /** {@code softmax(dim)}-like ops. Shape: {@code [*] -> [*]}; key {@link MessageKeys#DIM_RANGE}. */
  public static ShapeResult<TensorShape> alongDim(String op, TensorShape input, long dim) {
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    return n.isOk() ? ShapeResult.ok(input) : RuleSupport.failed(n);
  }

  /**
   * A layer that works along the dim its type holds ({@code Softmax(dim)}, {@code
   * LogSoftmax(dim)}). Module vector: {@code [dim]}. Shape: {@code [*] -> [*]}; the dim must be
   * in range for the input ({@link MessageKeys#DIM_RANGE}, the same text as {@link #alongDim}'s).
   * A dim the checker does not know accepts every input.
   */
  public static ShapeResult<TensorShape> alongDimLayer(
      String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(input);
    }
    if (module.rank() != 1) {
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
          "a layer along one dim has the hyperparameters [dim], got " + module, 0, -1);
    }
    DimExpr dim = module.dim(0);
    if (!dim.isConstant()) {
      return ShapeResult.ok(input);
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim.constantValue(), 0);
    return n.isOk() ? ShapeResult.ok(input) : RuleSupport.failed(n);
  }

  /**
   * {@code select(dim, index)}: removes {@code dim}. Shape: {@code [a,b,c].select(1, i) ->
   * [a,c]}; {@code index} in {@code [-size, size)} ({@link MessageKeys#INDEX_RANGE}).
   */
  public static ShapeResult<TensorShape> select(
      String op, TensorShape input, long dim, DimExpr index) {
    if (!input.hasVariadic() && input.rank() == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "select() cannot be applied to a 0-d tensor " + input, 0, -1);
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int at = n.value();
    if (at < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank() - 1));
    }
    DimExpr size = input.dim(at);
    if (index.isConstant() && size.isConstant()) {
      long i = index.constantValue();
      long sz = size.constantValue();
      if (i < -sz || i >= sz) {
        return RuleSupport.fail(MessageKeys.INDEX_RANGE, op,
            "index " + i + " is out of range for dim " + dim + " of " + input + " (size " + sz
                + ")", 2, at);
      }
    }
    return ReductionRules.reduceDim(op, input, dim, false);
  }

  /**
   * {@code narrow(dim, start, length)}. Shape: {@code [a,b].narrow(1, s, l) -> [a,l]}; {@code
   * start} in {@code [-size, size]}, {@code start + length <= size} ({@link
   * MessageKeys#INDEX_RANGE}).
   */
  public static ShapeResult<TensorShape> narrow(
      String op, TensorShape input, long dim, DimExpr start, DimExpr length) {
    if (!input.hasVariadic() && input.rank() == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "narrow() cannot be applied to a 0-d tensor " + input, 0, -1);
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    if (length.isConstant() && length.constantValue() < 0) {
      return RuleSupport.fail(MessageKeys.INDEX_RANGE, op,
          "narrow length must be >= 0, got " + length + " for " + input, 3, -1);
    }
    int at = n.value();
    if (at < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
    }
    DimExpr size = input.dim(at);
    if (size.isConstant() && start.isConstant()) {
      long sz = size.constantValue();
      long st = start.constantValue();
      if (st < -sz || st > sz) {
        return RuleSupport.fail(MessageKeys.INDEX_RANGE, op,
            "start " + st + " is out of range for dim " + dim + " of " + input + " (size " + sz
                + ")", 2, at);
      }
      long from = st < 0 ? st + sz : st;
      if (length.isConstant() && from + length.constantValue() > sz) {
        return RuleSupport.fail(MessageKeys.INDEX_RANGE, op,
            "start " + st + " + length " + length + " exceeds dim " + dim + " of " + input
                + " (size " + sz + ")", 3, at);
      }
    }
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.set(at, length);
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /**
   * {@code indexSelect(dim, index)} with a 0-d or 1-D index of {@code k} entries. Shape: {@code
   * [a,b].indexSelect(0, [k]) -> [k,b]}. Key {@link MessageKeys#MISMATCH_INDEX}.
   */
  public static ShapeResult<TensorShape> indexSelect(
      String op, TensorShape input, long dim, TensorShape index) {
    if (!index.hasVariadic() && index.rank() > 1 || index.hasVariadic() && index.rank() > 1) {
      return RuleSupport.fail(MessageKeys.MISMATCH_INDEX, op,
          "index must be a vector (0-D or 1-D), got " + index, 2, -1);
    }
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    int at = n.value();
    if (!input.hasVariadic() && input.rank() == 0) {
      return ShapeResult.ok(input);
    }
    if (at < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank()));
    }
    DimExpr k = index.hasVariadic() ? DimExpr.UNKNOWN
        : index.rank() == 0 ? DimExpr.of(1) : index.dim(0);
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.set(at, k);
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /**
   * {@code gather(dim, index)}: the index has the input's rank and is no larger in every other
   * dim. Shape: output = the index's shape. Key {@link MessageKeys#MISMATCH_INDEX}.
   */
  public static ShapeResult<TensorShape> gather(
      String op, TensorShape input, long dim, TensorShape index) {
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    ShapeResult<TensorShape> fit = indexFits(op, input, n.value(), index, "input", 2);
    return fit.isOk() ? ShapeResult.ok(index) : fit;
  }

  /**
   * {@code scatter(dim, index, src)}: the index has the input's rank, is no larger than the
   * input in every dim but {@code dim}, and no larger than {@code src} (null for a scalar
   * source) in every dim. Shape: output = the input's shape.
   */
  public static ShapeResult<TensorShape> scatter(
      String op, TensorShape input, long dim, TensorShape index, TensorShape src) {
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    ShapeResult<TensorShape> fit = indexFits(op, input, n.value(), index, "input", 2);
    if (!fit.isOk()) {
      return fit;
    }
    if (src != null) {
      ShapeResult<TensorShape> s = indexFits(op, src, Integer.MIN_VALUE, index, "src", 3);
      if (!s.isOk()) {
        return s;
      }
    }
    return ShapeResult.ok(input);
  }

  /** index.rank == target.rank and index.size(d) <= target.size(d) for d != skip. */
  private static ShapeResult<TensorShape> indexFits(String op, TensorShape target, int skip,
      TensorShape index, String name, int argument) {
    if (target.hasVariadic() || index.hasVariadic()) {
      return ShapeResult.ok(index);
    }
    int rt = Math.max(target.rank(), 1);
    int ri = Math.max(index.rank(), 1);
    if (rt != ri) {
      return RuleSupport.fail(MessageKeys.MISMATCH_INDEX, op,
          "index " + index + " must have as many dims as " + name + " " + target, argument, -1);
    }
    for (int d = 0; d < Math.min(target.rank(), index.rank()); d++) {
      DimExpr i = index.dim(d);
      DimExpr t = target.dim(d);
      if (d != skip && i.isConstant() && t.isConstant() && i.constantValue() > t.constantValue()) {
        return RuleSupport.fail(MessageKeys.MISMATCH_INDEX, op,
            "index " + index + " is larger than " + name + " " + target + " in dim " + d + " ("
                + i + " > " + t + ")", argument, d);
      }
    }
    return ShapeResult.ok(index);
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#ALONG_DIM}'s inputs: input, dim. */
  static ShapeResult<TensorShape> alongDim(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    return d == null ? ShapeResult.ok(in) : alongDim(a.op, in, d);
  }

  /** {@link Rule#SELECT}'s inputs: input, dim, index. */
  static ShapeResult<TensorShape> select(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    DimExpr index = a.integer(2);
    return d == null ? unknown(in, in.rank() - 1) : select(a.op, in, d, index);
  }

  /** {@link Rule#NARROW}'s inputs: input, dim, start, length. */
  static ShapeResult<TensorShape> narrow(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    DimExpr start = a.integer(2);
    DimExpr length = a.integer(3);
    return d == null ? unknown(in, in.rank()) : narrow(a.op, in, d, start, length);
  }

  /** {@link Rule#INDEX_SELECT}'s inputs: input, dim, index. */
  static ShapeResult<TensorShape> indexSelect(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    TensorShape index = a.tensor(2);
    return d == null ? unknown(in, in.rank()) : indexSelect(a.op, in, d, index);
  }

  /** {@link Rule#GATHER}'s inputs: input, dim, index. */
  static ShapeResult<TensorShape> gather(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    TensorShape index = a.tensor(2);
    return d == null ? ShapeResult.ok(index) : gather(a.op, in, d, index);
  }

  /** {@link Rule#SCATTER}'s inputs: input, dim, index, src or absent. */
  static ShapeResult<TensorShape> scatter(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    TensorShape index = a.tensor(2);
    TensorShape src = a.optionalTensor(3);
    return d == null ? ShapeResult.ok(in) : scatter(a.op, in, d, index, src);
  }

  private static ShapeResult<TensorShape> unknown(TensorShape like, int rank) {
    return ShapeResult.ok(RuleSupport.unknownDims(like, Math.max(rank, 0)));
  }

  /**
   * {@code nonzero()}: the index of every nonzero element, one row each. Shape: {@code [*s] ->
   * [_, rank(s)]}: how many elements are nonzero is known only at run time; a 0-d input gives
   * {@code [_, 0]}. An input of unknown rank gives {@code [_, _]}.
   */
  public static ShapeResult<TensorShape> nonzero(String op, TensorShape input) {
    DimExpr rank = input.hasVariadic() ? DimExpr.UNKNOWN : DimExpr.of(input.rank());
    return ShapeResult.ok(TensorShape.of(List.of(DimExpr.UNKNOWN, rank)));
  }
}

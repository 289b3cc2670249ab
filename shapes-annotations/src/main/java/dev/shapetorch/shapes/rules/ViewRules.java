package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rules that reinterpret or enlarge a tensor's shape: {@code reshape}/{@code view} (with one
 * {@code -1}), {@code flatten}, {@code unflatten}, {@code expand} and {@code repeat}.
 *
 * <p>Element counts are compared symbolically: {@code [B,28,28]} views as {@code [-1,784]}
 * with {@code -1 = B}, and as {@code [B,400]} not at all ({@code 784*B} elements against
 * {@code 400*B}). Unknown sizes skip the count check.
 */
public final class ViewRules {
  private ViewRules() {}

  /**
   * {@code reshape}/{@code view} on concrete sizes (the runtime's fast path).
   *
   * <p>Shape: {@code [*in] -> [sizes]} with {@code numel} kept and at most one {@code -1},
   * inferred. Keys: {@link MessageKeys#RESHAPE_NUMEL}, {@link MessageKeys#RESHAPE_INFER},
   * {@link MessageKeys#SIZE_NEGATIVE}.
   */
  public static ShapeResult<TensorShape> reshape(String op, TensorShape input, long... sizes) {
    if (!input.isConcrete()) {
      List<DimExpr> s = new ArrayList<>(sizes.length);
      for (long x : sizes) {
        s.add(DimExpr.of(x));
      }
      return reshape(op, input, s);
    }
    return concreteReshape(op, input, sizes, false);
  }

  /**
   * The concrete case. {@code keepSizes}: nobody modifies {@code sizes} later, so that the
   * result may share it when nothing is inferred (it is then not copied).
   */
  private static ShapeResult<TensorShape> concreteReshape(
      String op, TensorShape input, long[] sizes, boolean keepSizes) {
    int infer = -1;
    long product = 1;
    for (int i = 0; i < sizes.length; i++) {
      long s = sizes[i];
      if (s == -1) {
        if (infer >= 0) {
          return twoInferred(op, input, Arrays.toString(sizes));
        }
        infer = i;
      } else if (s < 0) {
        return negative(op, input, Arrays.toString(sizes), s);
      } else {
        product = Math.multiplyExact(product, s);
      }
    }
    long numel = input.numel();
    long[] out = keepSizes && infer < 0 ? sizes : sizes.clone();
    if (infer >= 0) {
      if (product == 0) {
        return zeroInferred(op, input, Arrays.toString(sizes));
      }
      if (numel % product != 0) {
        return numel(op, input, Arrays.toString(sizes), Long.toString(numel));
      }
      out[infer] = numel / product;
    } else if (numel != product) {
      return numel(op, input, Arrays.toString(sizes), Long.toString(numel));
    }
    return ShapeResult.ok(TensorShape.ofOwned(out));
  }

  /** {@code reshape}/{@code view} on symbolic sizes; see {@link #reshape(String, TensorShape, long...)}. */
  public static ShapeResult<TensorShape> reshape(
      String op, TensorShape input, List<DimExpr> sizes) {
    if (input.isConcrete()) {
      long[] literal = ConcreteDims.valuesOf(sizes);
      if (literal != null) {
        return concreteReshape(op, input, literal, true); // immutable: may be shared
      }
      long[] concrete = new long[sizes.size()];
      int k = 0;
      for (DimExpr s : sizes) {
        if (!s.isConstant()) {
          break;
        }
        concrete[k++] = s.constantValue();
      }
      if (k == concrete.length) {
        return concreteReshape(op, input, concrete, true); // built here: may be kept
      }
    }
    int infer = -1;
    DimExpr product = DimExpr.of(1);
    for (int i = 0; i < sizes.size(); i++) {
      DimExpr s = sizes.get(i);
      if (RuleSupport.is(s, -1)) {
        if (infer >= 0) {
          return twoInferred(op, input, sizes.toString());
        }
        infer = i;
      } else if (s.isConstant() && s.constantValue() < 0) {
        return negative(op, input, sizes.toString(), s.constantValue());
      } else {
        product = product.times(s);
      }
    }
    DimExpr numel = numel(input);
    List<DimExpr> out = new ArrayList<>(sizes);
    if (infer >= 0) {
      if (RuleSupport.is(product, 0)) {
        return zeroInferred(op, input, sizes.toString());
      }
      DimExpr inferred = DimExpr.UNKNOWN;
      if (!numel.isUnknown() && !product.isUnknown()) {
        DimExpr rest = numel.mod(product);
        if (rest.isConstant() && rest.constantValue() != 0) {
          return numel(op, input, sizes.toString(), numel.toString());
        }
        inferred = numel.floorDiv(product);
      }
      out.set(infer, inferred);
    } else if (RuleSupport.differ(numel, product)) {
      return numel(op, input, sizes.toString(), numel.toString());
    }
    return ShapeResult.ok(TensorShape.of(out));
  }

  /**
   * {@code flatten(startDim, endDim)}: merges dims {@code startDim..endDim} into one.
   *
   * <p>Shape: {@code [N,C,H,W].flatten(1,-1) -> [N,C*H*W]}; a 0-d input gives {@code [1]}.
   */
  public static ShapeResult<TensorShape> flatten(
      String op, TensorShape input, long startDim, long endDim) {
    ShapeResult<Integer> s = DimRules.normalizeDim(op, input, startDim, 1);
    if (!s.isOk()) {
      return RuleSupport.failed(s);
    }
    ShapeResult<Integer> e = DimRules.normalizeDim(op, input, endDim, 2);
    if (!e.isOk()) {
      return RuleSupport.failed(e);
    }
    if (!input.hasVariadic() && input.rank() == 0) {
      return ShapeResult.ok(TensorShape.of(1));
    }
    int from = s.value();
    int to = e.value();
    if (from >= 0 && to >= 0 && from > to) {
      return RuleSupport.fail(MessageKeys.DIM_ORDER, op,
          "startDim " + startDim + " comes after endDim " + endDim + " in " + input, 1, from);
    }
    if (to < 0) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    List<DimExpr> out = new ArrayList<>();
    String variadic = input.variadic();
    if (from < 0) {
      variadic = TensorShape.ANONYMOUS_VARIADIC;
      out.add(DimExpr.UNKNOWN);
    } else {
      out.addAll(input.dims().subList(0, from));
      out.add(RuleSupport.product(input.dims(), from, to + 1));
    }
    out.addAll(input.dims().subList(to + 1, input.rank()));
    return ShapeResult.ok(TensorShape.of(variadic, out));
  }

  /**
   * {@code unflatten(dim, sizes)}: splits one dim into several (one may be {@code -1}).
   *
   * <p>Shape: {@code [N,784].unflatten(1, [1,28,28]) -> [N,1,28,28]}; the sizes' product must
   * be the dim's size.
   */
  public static ShapeResult<TensorShape> unflatten(
      String op, TensorShape input, long dim, List<DimExpr> sizes) {
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    if (!input.hasVariadic() && input.rank() == 0) {
      return RuleSupport.dimRange(op, input, dim, 0, 1);
    }
    int i = n.value();
    if (sizes.isEmpty()) {
      return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
          "unflatten needs at least one size, got []", 2, -1);
    }
    DimExpr size = i < 0 ? DimExpr.UNKNOWN : input.dim(i);
    ShapeResult<TensorShape> pieces = reshape(op, TensorShape.of(List.of(size)), sizes);
    if (!pieces.isOk()) {
      ShapeMismatch m = pieces.mismatch();
      return RuleSupport.fail(m.key(), op,
          "cannot unflatten dim " + dim + " of " + input + " (size " + size + ") into "
              + sizes + ": the sizes' product must be " + size, 2, i);
    }
    if (i < 0) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    List<DimExpr> out = new ArrayList<>(input.dims().subList(0, i));
    out.addAll(pieces.value().dims());
    out.addAll(input.dims().subList(i + 1, input.rank()));
    return ShapeResult.ok(TensorShape.of(input.variadic(), out));
  }

  /**
   * {@code expand(sizes)}: broadcasts size-1 dims to larger sizes, adds leading dims; {@code
   * -1} keeps a size.
   *
   * <p>Shape: {@code [3,1].expand(2,3,4) -> [2,3,4]}. Key {@link MessageKeys#EXPAND}.
   */
  public static ShapeResult<TensorShape> expand(
      String op, TensorShape input, List<DimExpr> sizes) {
    int r = input.rank();
    int n = sizes.size();
    if (n < r) {
      return RuleSupport.fail(MessageKeys.EXPAND, op,
          "the number of sizes (" + n + ", " + sizes + ") must be at least the number of dims of "
              + input + " (" + r + ")", 1, -1);
    }
    List<DimExpr> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      DimExpr s = sizes.get(k);
      int i = k - (n - r);
      if (i < 0 && input.hasVariadic()) {
        // Under a prefix of unknown length, a size may stand for an existing dim or a new one:
        // -1 keeps a size nobody knows; the result has exactly one dim per size.
        if (s.isConstant() && s.constantValue() < -1) {
          return negative(op, input, sizes.toString(), s.constantValue());
        }
        out.add(RuleSupport.is(s, -1) ? DimExpr.UNKNOWN : s);
        continue;
      }
      if (i < 0) {
        if (s.isConstant() && s.constantValue() < 0) {
          return RuleSupport.fail(MessageKeys.EXPAND, op,
              "size " + s + " at position " + k + " of " + sizes + " is a new leading dim of "
                  + input + " and must be given (-1 only keeps an existing size)", 1, k);
        }
        out.add(s);
        continue;
      }
      DimExpr d = input.dim(i);
      if (RuleSupport.is(s, -1) || s.equals(d)) {
        out.add(d);
      } else if (s.isConstant() && s.constantValue() < 0) {
        return negative(op, input, sizes.toString(), s.constantValue());
      } else if (RuleSupport.is(d, 1) || s.isUnknown() || d.isUnknown()) {
        out.add(s.isUnknown() ? (RuleSupport.is(d, 1) ? DimExpr.UNKNOWN : d) : s);
      } else {
        return RuleSupport.fail(MessageKeys.EXPAND, op,
            "cannot expand " + input + " to " + sizes + ": " + RuleSupport.dimIs(input, i)
                + " is not 1 and differs from " + s + " (only size-1 dims expand)", 0, i);
      }
    }
    // The result has one dim per size, whatever the input's prefix held.
    return ShapeResult.ok(TensorShape.of(null, out));
  }

  /**
   * {@code expandAs(other)}: {@link #expand} to the sizes of {@code other}.
   *
   * <p>Shape: {@code [3,1].expandAs([2,3,4]) -> [2,3,4]}, {@code other}'s shape. Key {@link
   * MessageKeys#EXPAND}. An {@code other} of unknown rank is taken as it is.
   */
  public static ShapeResult<TensorShape> expandAs(
      String op, TensorShape input, TensorShape other) {
    if (other.hasVariadic()) {
      return ShapeResult.ok(other);
    }
    return expand(op, input, other.dims()).map(s -> other);
  }

  /**
   * {@code repeat(repeats)}: tiles the tensor.
   *
   * <p>Shape: {@code [a,b].repeat(r0,r1,r2) -> [r0, a*r1, b*r2]}; there must be at least as
   * many repeats as dims. Key {@link MessageKeys#REPEAT}.
   */
  public static ShapeResult<TensorShape> repeat(
      String op, TensorShape input, List<DimExpr> repeats) {
    int r = input.rank();
    int n = repeats.size();
    if (n < r) {
      return RuleSupport.fail(MessageKeys.REPEAT, op,
          "the number of repeats (" + n + ", " + repeats + ") must be at least the number of "
              + "dims of " + input + " (" + r + ")", 1, -1);
    }
    List<DimExpr> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      DimExpr rep = repeats.get(k);
      if (rep.isConstant() && rep.constantValue() < 0) {
        return negative(op, input, repeats.toString(), rep.constantValue());
      }
      int i = k - (n - r);
      // Under a prefix of unknown length, a leading repeat may tile a dim nobody knows.
      out.add(i >= 0 ? input.dim(i).times(rep) : input.hasVariadic() ? DimExpr.UNKNOWN : rep);
    }
    // The result has one dim per repeat, whatever the input's prefix held.
    return ShapeResult.ok(TensorShape.of(null, out));
  }

  /** The number of elements, symbolically; unknown with a prefix or an unknown size. */
  public static DimExpr numel(TensorShape s) {
    if (s.hasVariadic()) {
      return DimExpr.UNKNOWN;
    }
    if (s.isConcrete()) {
      return DimExpr.of(s.numel());
    }
    return RuleSupport.product(s.dims(), 0, s.rank());
  }

  private static ShapeResult<TensorShape> twoInferred(String op, TensorShape in, String sizes) {
    return RuleSupport.fail(MessageKeys.RESHAPE_INFER, op,
        "only one dimension can be inferred (-1), got " + sizes + " for " + in, 1, -1);
  }

  private static ShapeResult<TensorShape> zeroInferred(String op, TensorShape in, String sizes) {
    return RuleSupport.fail(MessageKeys.RESHAPE_INFER, op,
        "cannot infer -1 in " + sizes + " for " + in + ": the other sizes multiply to 0, so -1 "
            + "could be anything", 1, -1);
  }

  private static ShapeResult<TensorShape> negative(
      String op, TensorShape in, String sizes, long bad) {
    return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
        "invalid size " + bad + " in " + sizes + " for " + in + " (sizes are >= 0, or -1 to "
            + "infer one)", 1, -1);
  }

  private static ShapeResult<TensorShape> numel(
      String op, TensorShape in, String sizes, String numel) {
    return RuleSupport.fail(MessageKeys.RESHAPE_NUMEL, op,
        "shape " + sizes + " is invalid for input " + in + " of " + numel + " elements", 1, -1);
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#RESHAPE}'s inputs: input, sizes. */
  static ShapeResult<TensorShape> reshape(RuleArgs a) {
    List<DimExpr> sizes = a.ints(1);
    TensorShape in = a.tensor(0);
    return sizes == null ? ShapeResult.ok(TensorShape.unknownRank()) : reshape(a.op, in, sizes);
  }

  /** {@link Rule#FLATTEN}'s inputs: input, startDim, endDim. */
  static ShapeResult<TensorShape> flatten(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long s = a.constant(1);
    Long e = a.constant(2);
    return s == null || e == null
        ? ShapeResult.ok(TensorShape.unknownRank()) : flatten(a.op, in, s, e);
  }

  /** {@link Rule#UNFLATTEN}'s inputs: input, dim, sizes. */
  static ShapeResult<TensorShape> unflatten(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    List<DimExpr> sizes = a.ints(2);
    return d == null || sizes == null
        ? ShapeResult.ok(TensorShape.unknownRank()) : unflatten(a.op, in, d, sizes);
  }

  /** {@link Rule#EXPAND}'s inputs: input, sizes. */
  static ShapeResult<TensorShape> expand(RuleArgs a) {
    TensorShape in = a.tensor(0);
    List<DimExpr> sizes = a.ints(1);
    return sizes == null ? ShapeResult.ok(TensorShape.unknownRank()) : expand(a.op, in, sizes);
  }

  /** {@link Rule#REPEAT}'s inputs: input, repeats. */
  static ShapeResult<TensorShape> repeat(RuleArgs a) {
    TensorShape in = a.tensor(0);
    List<DimExpr> reps = a.ints(1);
    return reps == null ? ShapeResult.ok(TensorShape.unknownRank()) : repeat(a.op, in, reps);
  }

  /**
   * {@code unfold(dim, size, step)}: every window of {@code size} elements along {@code dim},
   * {@code step} apart, as a new last dim (a view). Shape: {@code [.., L, ..] -> [.., (L -
   * size) / step + 1, .., size]}; {@code [2, 7].unfold(1, 3, 2) -> [2, 3, 3]}. A 0-d input is
   * taken as one element: {@code [] -> [size]}. Keys: {@link MessageKeys#SIZE_NEGATIVE} for a
   * negative size or a step below 1, {@link MessageKeys#INDEX_RANGE} for a window longer than
   * the dim, {@link MessageKeys#DIM_RANGE}.
   */
  public static ShapeResult<TensorShape> unfold(
      String op, TensorShape input, long dim, DimExpr size, DimExpr step) {
    ShapeResult<Integer> n = DimRules.normalizeDim(op, input, dim, 1);
    if (!n.isOk()) {
      return RuleSupport.failed(n);
    }
    if (size.isConstant() && size.constantValue() < 0) {
      return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
          "the window size must be >= 0, got " + size + " for " + input, 2, -1);
    }
    if (step.isConstant() && step.constantValue() < 1) {
      return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
          "the step must be >= 1, got " + step + " for " + input, 3, -1);
    }
    if (!input.hasVariadic() && input.rank() == 0) {
      if (size.isConstant() && size.constantValue() > 1) {
        return RuleSupport.fail(MessageKeys.INDEX_RANGE, op, "window size " + size
            + " exceeds the one element of the 0-d tensor " + input + "; use a size of 0 or 1",
            2, -1);
      }
      return ShapeResult.ok(TensorShape.of(List.of(size)));
    }
    int at = n.value();
    List<DimExpr> out = RuleSupport.dimsCopy(input);
    out.add(size);
    if (at < 0) {
      return ShapeResult.ok(RuleSupport.unknownDims(input, input.rank() + 1));
    }
    DimExpr length = input.dim(at);
    if (length.isConstant() && size.isConstant() && size.constantValue() > length.constantValue()) {
      return RuleSupport.fail(MessageKeys.INDEX_RANGE, op, "window size " + size
          + " exceeds dim " + dim + " of " + input + " (size " + length
          + "); use a size of at most " + length, 2, at);
    }
    out.set(at, length.minus(size).floorDiv(step).plus(DimExpr.of(1)));
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /**
   * {@code repeatInterleave(repeats, dim)} with one int count: every element along {@code dim}
   * repeated {@code repeats} times in place. Shape: {@code [a, b, c] (r, 1) -> [a, b*r, c]}. A
   * negative count is {@link MessageKeys#SIZE_NEGATIVE}; a 0-d input {@link MessageKeys#RANK};
   * a dim out of range {@link MessageKeys#DIM_RANGE}.
   */
  public static ShapeResult<TensorShape> repeatInterleave(
      String op, TensorShape input, DimExpr repeats, long dim) {
    if (repeats.isConstant() && repeats.constantValue() < 0) {
      return RuleSupport.fail(MessageKeys.SIZE_NEGATIVE, op,
          "repeats must be >= 0, got " + repeats + " for " + input, 1, -1);
    }
    if (!input.hasVariadic() && input.rank() == 0) {
      return RuleSupport.fail(MessageKeys.RANK, op, "a 0-d tensor " + input
          + " has no dim " + dim + " to repeat along; reshape it to [1] first", 0, -1);
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
    out.set(at, out.get(at).times(repeats));
    return ShapeResult.ok(RuleSupport.withDims(input, out));
  }

  /** {@link Rule#UNFOLD}'s inputs: input, dim, size, step. */
  static ShapeResult<TensorShape> unfold(RuleArgs a) {
    TensorShape in = a.tensor(0);
    Long d = a.constant(1);
    DimExpr size = a.integer(2);
    DimExpr step = a.integer(3);
    return d == null ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank() + 1))
        : unfold(a.op, in, d, size, step);
  }

  /** {@link Rule#REPEAT_INTERLEAVE}'s inputs: input, repeats, dim. */
  static ShapeResult<TensorShape> repeatInterleave(RuleArgs a) {
    TensorShape in = a.tensor(0);
    DimExpr repeats = a.integer(1);
    Long d = a.constant(2);
    return d == null ? ShapeResult.ok(RuleSupport.unknownDims(in, in.rank()))
        : repeatInterleave(a.op, in, repeats, d);
  }
}

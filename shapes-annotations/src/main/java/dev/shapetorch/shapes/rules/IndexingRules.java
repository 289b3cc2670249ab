package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's subscript, {@code x[:, 1:3]}, given as an {@link IndexSpec} string: the shape of
 * {@code x.index(spec, values...)} and the check of {@code x.indexPut_(spec, value, values...)}.
 *
 * <p>The rule follows PyTorch's: an integer removes its dim (in {@code [-size, size)}, else
 * {@link MessageKeys#INDEX_RANGE}); a slice keeps it with Python's length (bounds clamped to the
 * size, a step above 0); {@code None} adds a dim of size 1; {@code ...} stands for the dims the
 * other items leave, as do the dims after the last item; index tensors broadcast together
 * ({@link MessageKeys#MISMATCH_INDEX}) and their broadcast shape takes the place of the dims
 * they index when those are adjacent, else goes first; a bool mask covers as many dims as it
 * has, must have their sizes ({@link MessageKeys#MISMATCH_INDEX}) and gives one dim of unknown
 * size {@code _}. More dims indexed than the input has is a {@link MessageKeys#RANK} mismatch, a
 * string that is no index a {@link MessageKeys#INDEX_SYNTAX} one.
 *
 * <p>What is not known gives unknown sizes, never an error: a {@code ?} whose value the checker
 * does not know (a whole-item {@code ?} gives a shape of unknown rank, since an int removes a
 * dim and a mask may cover several), a size that is not a constant (a slice of it has an unknown
 * length, except {@code :} and {@code ::k}), an input of unknown rank.
 */
public final class IndexingRules {
  private IndexingRules() {}

  /**
   * The shape of {@code input[spec]} with every {@code ?} unknown (the checker's view; the
   * runtime's guard before the values are read). A null spec (not a constant) gives a shape of
   * unknown rank.
   *
   * <p>Shape: {@code [B, 10]} and {@code ":, 1:3"} give {@code [B, 2]}; {@code [4, 6]} and
   * {@code "..., None"} give {@code [4, 6, 1]}, and {@code "::2"} gives {@code [2, 6]}.
   */
  public static ShapeResult<TensorShape> index(String op, TensorShape input, String spec) {
    if (spec == null) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    ShapeResult<IndexSpec> p = IndexSpec.parse(op, spec, 1);
    return p.isOk() ? index(op, input, p.value(), null) : RuleSupport.failed(p);
  }

  /**
   * The shape of {@code input[spec]} with the placeholders' values.
   *
   * @param values one value per {@code ?} in order, or null when none is known; a null element
   *     is unknown
   */
  public static ShapeResult<TensorShape> index(
      String op, TensorShape input, IndexSpec spec, List<IndexValue> values) {
    if (values != null && values.size() != spec.placeholders()) {
      return RuleSupport.fail(MessageKeys.INDEX_SYNTAX, op,
          "the index " + spec + " has " + spec.placeholders() + " placeholder"
              + (spec.placeholders() == 1 ? "" : "s") + " (?), got " + values.size() + " value"
              + (values.size() == 1 ? "" : "s") + "; pass one int or index tensor after the"
              + " string per ?",
          2, -1);
    }
    List<IndexSpec.Item> items = spec.items();
    if (input.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    int consumed = 0;
    for (IndexSpec.Item item : items) {
      int n = consumes(item, values);
      if (n < 0) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      consumed += n;
    }
    int rank = input.rank();
    if (consumed > rank) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "too many indices for " + input + " (rank " + rank + "): the index " + spec
              + " indexes " + consumed + " dims; index at most " + rank,
          1, -1);
    }
    List<DimExpr> out = new ArrayList<>();
    List<Integer> advancedAt = new ArrayList<>();
    List<TensorShape> advanced = new ArrayList<>();
    int d = 0;
    boolean sawEllipsis = false;
    for (int i = 0; i < items.size(); i++) {
      IndexSpec.Item item = items.get(i);
      if (item instanceof IndexSpec.Ellipsis) {
        sawEllipsis = true;
        for (int k = 0; k < rank - consumed; k++) {
          out.add(input.dim(d++));
        }
        continue;
      }
      if (item instanceof IndexSpec.NewAxis) {
        out.add(DimExpr.of(1));
        continue;
      }
      if (item instanceof IndexSpec.Slice s) {
        ShapeResult<DimExpr> len = sliceLength(op, input, spec, i, d, s, values);
        if (!len.isOk()) {
          return RuleSupport.failed(len);
        }
        out.add(len.value());
        d++;
        continue;
      }
      IndexValue v = item instanceof IndexSpec.Placeholder p
          ? values.get(p.placeholder())
          : new IndexValue.IntValue(0);
      if (item instanceof IndexSpec.Int || v instanceof IndexValue.IntValue) {
        DimExpr index = item instanceof IndexSpec.Int in
            ? bound(in.index(), values)
            : DimExpr.of(((IndexValue.IntValue) v).value());
        DimExpr size = input.dim(d);
        if (index.isConstant() && size.isConstant()) {
          long x = index.constantValue();
          long sz = size.constantValue();
          if (x < -sz || x >= sz) {
            return RuleSupport.fail(MessageKeys.INDEX_RANGE, op,
                "index " + x + " at item " + i + " of " + spec + " is out of range for dim " + d
                    + " of " + input + " (size " + sz + "); use an index in ["
                    + (-sz) + ", " + (sz - 1) + "]",
                1, d);
          }
        }
        d++;
        continue;
      }
      IndexValue.TensorValue t = (IndexValue.TensorValue) v;
      if (!t.mask()) {
        advancedAt.add(out.size());
        out.add(null);
        advanced.add(t.shape());
        d++;
        continue;
      }
      int k = t.shape().rank();
      for (int m = 0; m < k; m++) {
        if (RuleSupport.differ(t.shape().dim(m), input.dim(d + m))) {
          return RuleSupport.fail(MessageKeys.MISMATCH_INDEX, op,
              "the mask " + t.shape() + " at item " + i + " of " + spec + " does not fit dims "
                  + d + ".." + (d + k - 1) + " of " + input + ": its dim " + m + " is "
                  + t.shape().dim(m) + ", the tensor's dim " + (d + m) + " is "
                  + input.dim(d + m) + "; a mask has the sizes of the dims it covers",
              2, d + m);
        }
      }
      if (k == 0) {
        out.add(DimExpr.UNKNOWN);
        continue;
      }
      for (int m = 0; m < k; m++) {
        advancedAt.add(out.size());
        out.add(null);
      }
      advanced.add(TensorShape.of(List.of(DimExpr.UNKNOWN)));
      d += k;
    }
    if (!sawEllipsis) {
      while (d < rank) {
        out.add(input.dim(d++));
      }
    }
    if (advanced.isEmpty()) {
      return ShapeResult.ok(TensorShape.of(out));
    }
    TensorShape joint = advanced.get(0);
    for (int a = 1; a < advanced.size(); a++) {
      ShapeResult<TensorShape> b = Broadcasting.broadcast(op, joint, advanced.get(a));
      if (!b.isOk()) {
        return RuleSupport.fail(MessageKeys.MISMATCH_INDEX, op,
            "the index tensors of " + spec + " do not broadcast together: " + advanced
                + "; give index tensors of one shape (or shapes that broadcast)",
            2, -1);
      }
      joint = b.value();
    }
    if (joint.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    int first = advancedAt.get(0);
    int last = advancedAt.get(advancedAt.size() - 1);
    boolean adjacent = last - first + 1 == advancedAt.size();
    List<DimExpr> result = new ArrayList<>();
    if (!adjacent) {
      result.addAll(joint.dims());
    }
    for (int p = 0; p < out.size(); p++) {
      if (p == first && adjacent) {
        result.addAll(joint.dims());
      }
      if (out.get(p) != null) {
        result.add(out.get(p));
      }
    }
    return ShapeResult.ok(TensorShape.of(result));
  }

  /**
   * {@code input[spec] = value} ({@code indexPut_}): the value (null for a number) must
   * broadcast to the indexed part; leading dims of size 1 (or unknown) beyond its rank are
   * dropped, as PyTorch does. Shape: the input's, which is written in place. A null spec is not checked.
   */
  public static ShapeResult<TensorShape> indexPut(
      String op, TensorShape input, String spec, TensorShape value) {
    if (spec == null) {
      return ShapeResult.ok(input);
    }
    ShapeResult<IndexSpec> p = IndexSpec.parse(op, spec, 1);
    return p.isOk() ? indexPut(op, input, p.value(), null, value) : RuleSupport.failed(p);
  }

  /** {@link #indexPut(String, TensorShape, String, TensorShape)} with the placeholders' values. */
  public static ShapeResult<TensorShape> indexPut(String op, TensorShape input, IndexSpec spec,
      List<IndexValue> values, TensorShape value) {
    ShapeResult<TensorShape> target = index(op, input, spec, values);
    if (!target.isOk()) {
      return target;
    }
    TensorShape t = target.value();
    if (value == null || t.hasVariadic() || value.hasVariadic()) {
      return ShapeResult.ok(input);
    }
    List<DimExpr> v = new ArrayList<>(value.dims());
    while (v.size() > t.rank() && (RuleSupport.is(v.get(0), 1) || v.get(0).isUnknown())) {
      v.remove(0);
    }
    boolean fits = v.size() <= t.rank();
    for (int k = 1; fits && k <= v.size(); k++) {
      DimExpr vd = v.get(v.size() - k);
      DimExpr td = t.dim(t.rank() - k);
      fits = RuleSupport.is(vd, 1) || !RuleSupport.differ(vd, td);
    }
    if (!fits) {
      return RuleSupport.fail(MessageKeys.MISMATCH_INDEX, op,
          "the value " + value + " does not broadcast to " + t + ", the part " + spec + " of "
              + input + "; give a value of shape " + t + " or one that broadcasts to it",
          2, -1);
    }
    return ShapeResult.ok(input);
  }

  /** How many dims {@code item} indexes; -1 when not known (a whole {@code ?} not known). */
  private static int consumes(IndexSpec.Item item, List<IndexValue> values) {
    if (item instanceof IndexSpec.Int || item instanceof IndexSpec.Slice) {
      return 1;
    }
    if (item instanceof IndexSpec.Placeholder p) {
      IndexValue v = values == null ? null : values.get(p.placeholder());
      if (v == null) {
        return -1;
      }
      if (v instanceof IndexValue.TensorValue t && t.mask()) {
        return t.shape().hasVariadic() ? -1 : t.shape().rank();
      }
      if (v instanceof IndexValue.TensorValue t && t.shape().hasVariadic()) {
        return -1;
      }
      return 1;
    }
    return 0;
  }

  private static DimExpr bound(IndexSpec.Bound b, List<IndexValue> values) {
    if (b == null) {
      return null;
    }
    if (!b.isPlaceholder()) {
      return DimExpr.of(b.value());
    }
    IndexValue v = values == null ? null : values.get(b.placeholder());
    return v instanceof IndexValue.IntValue i ? DimExpr.of(i.value()) : DimExpr.UNKNOWN;
  }

  /** Python's slice length on a dim, bounds clamped; the step must be above 0. */
  private static ShapeResult<DimExpr> sliceLength(String op, TensorShape input, IndexSpec spec,
      int item, int d, IndexSpec.Slice s, List<IndexValue> values) {
    if (s.step() != null && s.step().isPlaceholder() && values != null
        && values.get(s.step().placeholder()) instanceof IndexValue.TensorValue) {
      return RuleSupport.fail(MessageKeys.INDEX_SYNTAX, op,
          "a slice bound ? at item " + item + " of " + spec + " takes an int, got a tensor",
          2, -1);
    }
    DimExpr start = bound(s.start(), values);
    DimExpr stop = bound(s.stop(), values);
    DimExpr step = s.step() == null ? DimExpr.of(1) : bound(s.step(), values);
    for (IndexSpec.Bound b : new IndexSpec.Bound[] {s.start(), s.stop()}) {
      if (b != null && b.isPlaceholder() && values != null
          && values.get(b.placeholder()) instanceof IndexValue.TensorValue) {
        return RuleSupport.fail(MessageKeys.INDEX_SYNTAX, op,
            "a slice bound ? at item " + item + " of " + spec + " takes an int, got a tensor",
            2, -1);
      }
    }
    if (step.isConstant() && step.constantValue() <= 0) {
      return RuleSupport.fail(MessageKeys.INDEX_RANGE, op,
          "slice step " + step + " at item " + item + " of " + spec + " must be above 0"
              + " (PyTorch has no negative steps; flip the dim instead)",
          1, d);
    }
    DimExpr size = input.dim(d);
    if (!step.isConstant()) {
      return ShapeResult.ok(DimExpr.UNKNOWN);
    }
    long k = step.constantValue();
    boolean fromZero = start == null || RuleSupport.is(start, 0);
    if (!size.isConstant()) {
      if (fromZero && stop == null && !size.isUnknown()) {
        return ShapeResult.ok(k == 1 ? size : size.plus(DimExpr.of(k - 1)).floorDiv(DimExpr.of(k)));
      }
      return ShapeResult.ok(DimExpr.UNKNOWN);
    }
    long sz = size.constantValue();
    if (start != null && !start.isConstant() || stop != null && !stop.isConstant()) {
      return ShapeResult.ok(DimExpr.UNKNOWN);
    }
    long from = clamp(start == null ? 0 : start.constantValue(), sz);
    long to = clamp(stop == null ? sz : stop.constantValue(), sz);
    return ShapeResult.ok(DimExpr.of(to <= from ? 0 : (to - from + k - 1) / k));
  }

  private static long clamp(long bound, long size) {
    long b = bound < 0 ? bound + size : bound;
    return Math.max(0, Math.min(size, b));
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.IndexSpec;
import dev.shapetorch.shapes.rules.IndexValue;
import dev.shapetorch.shapes.rules.IndexingRules;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptionalList;

/**
 * Python's subscript, {@code x[:, 1:3]}, written as an index string: {@code x.index(":, 1:3")}
 * reads, {@code x.indexPut_(":, 1:3", value)} writes ({@code x[:, 1:3] = value}); and the
 * in-place mask writes {@code maskedFill_}, {@code maskedScatter_}. The string is what a Python
 * user writes between the brackets ({@link IndexSpec}): integers (negative from the end), slices
 * {@code start:stop:step}, {@code None}, {@code ...}, and {@code ?} for a value given after the
 * string (an int, or an index tensor: int64/int32 positions or a bool mask), so that the
 * checker reads a constant string and knows the result's shape ({@link Rule#INDEX}).
 *
 * <p>As in PyTorch, integers, slices, {@code None} and {@code ...} alone give a view (a write
 * through it changes this tensor); an index tensor or mask gives a copy.
 */
final class SubscriptOps {

  private SubscriptOps() {}

  /**
   * This tensor indexed as Python's {@code x[spec]}: {@code x.index(":, 1:3")} is {@code x[:,
   * 1:3]}, {@code x.index("..., None, ::2")} is {@code x[..., None, ::2]}, {@code x.index(":,
   * ?:?", start, stop)} is {@code x[:, start:stop]}, {@code x.index("?", mask)} is {@code
   * x[mask]}. Without index tensors the result is a view of this tensor.
   *
   * <p>Shape: {@link Rule#INDEX}: {@code [B, 10]} with {@code ":, 1:3"} gives {@code [B, 2]},
   * with {@code ":, -1"} gives {@code [B]}, with {@code "..., None"} gives {@code [B, 10, 1]};
   * a mask gives one dim {@code [_]} in place of the dims it covers. An integer out of range
   * for its dim, more indices than dims, and a string that is no index are errors, at compile
   * time when the string is a constant.
   *
   * @param spec the index, as between Python's brackets
   * @param values one value per {@code ?} in {@code spec}: an int or long, or an index tensor
   */
  @Variants(Variant.METHOD)
  @ShapeRule(value = Rule.INDEX, args = {"self", "spec"})
  static Tensor index(Tensor self, String spec, Object... values) {
    String op = "Tensor.index";
    Subscript s = Subscript.of(op, self, spec, values, null, false);
    return s.read();
  }

  /**
   * Writes {@code value} into the part of this tensor that {@code spec} indexes, as Python's
   * {@code x[spec] = value} ({@code index_put_}): {@code x.indexPut_(":, 1:3", v)}, {@code
   * x.indexPut_("?", v, mask)}. Returns this tensor.
   *
   * <p>Shape: {@link Rule#INDEX_PUT}: this tensor's; {@code value} broadcasts to the indexed part
   * ({@code [B, 2]} for {@code ":, 1:3"} of {@code [B, 10]}).
   *
   * @param spec the index, as between Python's brackets
   * @param value the values to write
   * @param values one value per {@code ?} in {@code spec}: an int or long, or an index tensor
   */
  @Variants(Variant.METHOD)
  @ShapeRule(value = Rule.INDEX_PUT, args = {"self", "spec", "value"})
  static Tensor indexPut_(Tensor self, String spec, Tensor value, Object... values) {
    String op = "Tensor.indexPut_";
    Natives.h(value, "value");
    Subscript.of(op, self, spec, values, value, true).write(value, 0);
    return self;
  }

  /**
   * Writes the number {@code value} into the part of this tensor that {@code spec} indexes, as
   * Python's {@code x[spec] = 0.5}: {@code x.indexPut_(":, 0", 0)}, {@code x.indexPut_("?", 0,
   * mask)}. Returns this tensor.
   *
   * <p>Shape: {@link Rule#INDEX_PUT}: this tensor's; the index is checked as {@link #index}'s.
   *
   * @param spec the index, as between Python's brackets
   * @param value the number to write
   * @param values one value per {@code ?} in {@code spec}: an int or long, or an index tensor
   */
  @Variants(Variant.METHOD)
  @ShapeRule(value = Rule.INDEX_PUT, args = {"self", "spec", "null"})
  static Tensor indexPut_(Tensor self, String spec, double value, Object... values) {
    String op = "Tensor.indexPut_";
    Subscript.of(op, self, spec, values, null, true).write(null, value);
    return self;
  }

  /**
   * Writes {@code value} where the bool {@code mask} is true, in place, as {@code
   * x.masked_fill_(mask, value)}. Returns this tensor.
   *
   * <p>Shape: {@link Rule#BROADCAST_INPLACE}: {@code mask} broadcasts to this tensor's shape,
   * which is kept.
   */
  @Variants(Variant.METHOD)
  @ShapeRule(value = Rule.BROADCAST_INPLACE, args = {"self", "mask"})
  static Tensor maskedFill_(Tensor self, Tensor mask, double value) {
    String op = "Tensor.maskedFill_";
    requireMask(op, mask);
    try (Scalar s = Natives.scalar(value)) {
      self.h().masked_fill_(mask.h(), s);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self, mask);
    }
    return self;
  }

  /**
   * Copies the elements of {@code source}, in order, to the positions where the bool {@code
   * mask} is true, in place, as {@code x.masked_scatter_(mask, source)}; {@code source} needs at
   * least as many elements as the mask has true values. Returns this tensor.
   *
   * <p>Shape: {@link Rule#BROADCAST_INPLACE}: {@code mask} broadcasts to this tensor's shape,
   * which is kept.
   */
  @Variants(Variant.METHOD)
  @ShapeRule(value = Rule.BROADCAST_INPLACE, args = {"self", "mask"})
  static Tensor maskedScatter_(Tensor self, Tensor mask, Tensor source) {
    String op = "Tensor.maskedScatter_";
    requireMask(op, mask);
    org.bytedeco.pytorch.Tensor src = Natives.h(source, "source");
    try {
      self.h().masked_scatter_(mask.h(), src);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self, mask, source);
    }
    return self;
  }

  private static void requireMask(String op, Tensor mask) {
    if (Natives.nonNull(mask, "mask").dtype() != DType.BOOL) {
      throw new IllegalArgumentException(UserCall.attribute(op)
          + ": the mask must be a bool tensor, got " + mask.dtype()
          + "; compare first (x.gt(0)) or convert with to(DType.BOOL)");
    }
  }

  /**
   * One application of an index string to a tensor: the parsed string, the values of its
   * {@code ?}s, checked by {@link IndexingRules} on the actual shapes before libtorch runs.
   */
  private static final class Subscript {
    private final String op;
    private final Tensor self;
    private final IndexSpec spec;
    private final Object[] values;

    private Subscript(String op, Tensor self, IndexSpec spec, Object[] values) {
      this.op = op;
      this.self = self;
      this.spec = spec;
      this.values = values;
    }

    static Subscript of(String op, Tensor self, String text, Object[] values, Tensor value,
        boolean write) {
      Natives.h(self, "self");
      if (values == null) {
        throw UserCall.nullParameter("values", "one int or index tensor per ?");
      }
      ShapeResult<IndexSpec> parsed = IndexSpec.parse(op, text, 1);
      if (!parsed.isOk()) {
        Guard.require(ShapeResult.mismatch(parsed.mismatch()));
      }
      IndexSpec spec = parsed.value();
      List<IndexValue> known = new ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        known.add(indexValue(op, spec, i, values[i]));
      }
      TensorShape shape = self.shapeOf();
      Guard.require(write
          ? IndexingRules.indexPut(op, shape, spec, known, value == null ? null : value.shapeOf())
          : IndexingRules.index(op, shape, spec, known));
      return new Subscript(op, self, spec, values);
    }

    private static IndexValue indexValue(String op, IndexSpec spec, int i, Object v) {
      if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
        return new IndexValue.IntValue(((Number) v).longValue());
      }
      if (v instanceof Tensor t) {
        DType d = t.dtype();
        if (d == DType.BOOL || d == DType.UINT8) {
          return new IndexValue.TensorValue(t.shapeOf(), true);
        }
        if (d == DType.INT64 || d == DType.INT32) {
          return new IndexValue.TensorValue(t.shapeOf(), false);
        }
        throw new IllegalArgumentException(UserCall.attribute(op) + ": the value of ? " + i
            + " in " + spec + " is a " + d + " tensor; an index tensor holds int64 or int32"
            + " positions, or is a bool mask; convert it with to(DType.INT64)");
      }
      throw new IllegalArgumentException(UserCall.attribute(op) + ": the value of ? " + i
          + " in " + spec + " is " + (v == null ? "null" : "a " + v.getClass().getSimpleName())
          + "; pass an int, a long or an index tensor (int64/int32 positions or a bool mask)");
    }

    /** The value of placeholder {@code p} as a long (the rule has checked it is an int). */
    private long longOf(int p) {
      return ((Number) values[p]).longValue();
    }

    private long bound(IndexSpec.Bound b) {
      return b.isPlaceholder() ? longOf(b.placeholder()) : b.value();
    }

    /**
     * Applies the integers, slices, {@code None} and {@code ...} as views of {@code base}, and
     * collects the index tensors, one entry per dim they index, into {@code advanced}.
     */
    private org.bytedeco.pytorch.Tensor basic(org.bytedeco.pytorch.Tensor base,
        List<org.bytedeco.pytorch.Tensor> temporaries, List<Object> advanced) {
      int rank = self.shapeOf().rank();
      int consumed = 0;
      for (IndexSpec.Item item : spec.items()) {
        consumed += consumes(item);
      }
      org.bytedeco.pytorch.Tensor view = base;
      int d = 0;
      int covered = 0;
      for (IndexSpec.Item item : spec.items()) {
        org.bytedeco.pytorch.Tensor next = null;
        if (item instanceof IndexSpec.Ellipsis) {
          d += rank - consumed;
        } else if (item instanceof IndexSpec.NewAxis) {
          next = view.unsqueeze(d++);
        } else if (item instanceof IndexSpec.Slice s) {
          try (LongOptional start = s.start() == null ? new LongOptional()
                  : new LongOptional(bound(s.start()));
              LongOptional stop = s.stop() == null ? new LongOptional()
                  : new LongOptional(bound(s.stop()))) {
            next = view.slice(d++, start, stop, s.step() == null ? 1 : bound(s.step()));
          }
        } else if (item instanceof IndexSpec.Int i) {
          next = view.select(d, bound(i.index()));
        } else {
          Object v = values[((IndexSpec.Placeholder) item).placeholder()];
          if (v instanceof Tensor t) {
            while (covered < d) {
              advanced.add(null);
              covered++;
            }
            advanced.add(t);
            int k = t.dtype() == DType.BOOL || t.dtype() == DType.UINT8 ? t.dim() : 1;
            covered += k;
            d += k;
          } else {
            next = view.select(d, ((Number) v).longValue());
          }
        }
        if (next != null) {
          temporaries.add(next);
          view = next;
        }
      }
      return view;
    }

    private int consumes(IndexSpec.Item item) {
      if (item instanceof IndexSpec.Int || item instanceof IndexSpec.Slice) {
        return 1;
      }
      if (item instanceof IndexSpec.Placeholder p && values[p.placeholder()] instanceof Tensor t
          && (t.dtype() == DType.BOOL || t.dtype() == DType.UINT8)) {
        return t.dim();
      }
      return item instanceof IndexSpec.Placeholder ? 1 : 0;
    }

    /** The advanced indices as libtorch takes them: an absent entry for a dim not indexed. */
    private static TensorOptionalList list(List<Object> advanced) {
      TensorOptionalList list = new TensorOptionalList();
      for (Object a : advanced) {
        try (TensorOptional o = a == null ? new TensorOptional()
            : new TensorOptional(((Tensor) a).h())) {
          list.push_back(o);
        }
      }
      return list;
    }

    Tensor read() {
      List<org.bytedeco.pytorch.Tensor> temporaries = new ArrayList<>();
      List<Object> advanced = new ArrayList<>();
      try {
        org.bytedeco.pytorch.Tensor view = basic(self.h(), temporaries, advanced);
        if (advanced.isEmpty()) {
          if (view == self.h()) {
            return Tensor.wrap(new org.bytedeco.pytorch.Tensor(view));
          }
          temporaries.remove(temporaries.size() - 1);
          return Tensor.wrap(view);
        }
        try (TensorOptionalList list = list(advanced)) {
          return Tensor.wrap(view.index(list));
        }
      } catch (RuntimeException e) {
        throw Natives.fail(op, e, inputs());
      } finally {
        for (org.bytedeco.pytorch.Tensor t : temporaries) {
          t.close();
        }
      }
    }

    void write(Tensor value, double number) {
      List<org.bytedeco.pytorch.Tensor> temporaries = new ArrayList<>();
      List<Object> advanced = new ArrayList<>();
      try {
        org.bytedeco.pytorch.Tensor view = basic(self.h(), temporaries, advanced);
        org.bytedeco.pytorch.Tensor v;
        if (value == null) {
          try (Scalar s = Natives.scalar(number)) {
            if (advanced.isEmpty()) {
              view.fill_(s);
              return;
            }
            v = view.new_full(new long[0], s);
            temporaries.add(v);
          }
        } else {
          v = value.h();
          long[] sizes = value.shapeOf().toArray();
          int drop = 0;
          while (drop < sizes.length && sizes[drop] == 1) {
            drop++; // PyTorch drops a value's leading dims of size 1 before it writes
          }
          if (drop > 0) {
            long[] kept = new long[sizes.length - drop];
            System.arraycopy(sizes, drop, kept, 0, kept.length);
            v = v.reshape(kept);
            temporaries.add(v);
          }
        }
        if (advanced.isEmpty()) {
          view.copy_(v);
          return;
        }
        try (TensorOptionalList list = list(advanced)) {
          view.index_put_(list, v);
        }
      } catch (RuntimeException e) {
        List<Tensor> in = new ArrayList<>(List.of(inputs()));
        if (value != null) {
          in.add(value);
        }
        throw Natives.fail(op, e, in.toArray(new Tensor[0]));
      } finally {
        for (org.bytedeco.pytorch.Tensor t : temporaries) {
          t.close();
        }
      }
    }

    private Tensor[] inputs() {
      List<Tensor> in = new ArrayList<>();
      in.add(self);
      for (Object v : values) {
        if (v instanceof Tensor t) {
          in.add(t);
        }
      }
      return in.toArray(new Tensor[0]);
    }
  }
}

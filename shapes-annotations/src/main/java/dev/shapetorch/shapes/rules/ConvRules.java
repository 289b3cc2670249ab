package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Convolution and pooling output sizes, batched ({@code [N, C, *spatial]}) or unbatched
 * ({@code [C, *spatial]}).
 *
 * <p>Every spatial size follows PyTorch's formula {@code floor((L + 2p - d(k-1) - 1) / s) + 1}
 * (pooling with {@code ceilMode} rounds up, and drops a last window that would start in the
 * padding). Sizes stay symbolic when inputs are: {@code (H+2*P-D*(K-1)-1)/S+1}. Hyperparameter
 * lists hold one value per spatial dim, or one value for all.
 *
 * <p>A 3-D input to {@code conv2d} is taken as unbatched {@code [C, H, W]}, as libtorch does: a
 * batch of single-channel images that lost its channel dim ({@code [N, 28, 28]}) is then
 * caught as a channel mismatch ({@code N} against the weight's in-channels).
 *
 * <p>PyTorch's string paddings have their own rules: {@link #convSame} ({@code padding="same"},
 * stride 1 only, every spatial size kept) and {@link #convValid} ({@code padding="valid"}, no
 * padding). Transposed convolutions are in {@link ConvTransposeRules}.
 */
public final class ConvRules {
  private ConvRules() {}

  /**
   * The output size of one spatial dim. Shape: {@code floor((L + 2p - d(k-1) - 1)/s) + 1}; with
   * {@code ceil}, the division rounds up and, on constants, a window starting past {@code L +
   * p} is dropped. May be below 1 for inputs smaller than the kernel (callers check).
   */
  public static DimExpr outputSize(DimExpr length, DimExpr kernel, DimExpr stride,
      DimExpr padding, DimExpr dilation, boolean ceil) {
    return outputSize(length, kernel, stride, padding, dilation, DimExpr.of(ceil ? 1 : 0));
  }

  /**
   * The output size of one spatial dim, the one formula of every convolution and pooling: {@code
   * floor((L + 2p - d(k-1) - 1 + c(s-1))/s) + 1}, where the ceil mode {@code c} is 1 (round up)
   * or 0 (round down), as a pooling layer's type carries it; symbolic or unknown, the result is
   * too. With {@code c = 1} known and every size a constant, a last window starting past {@code
   * L + p} is dropped, as PyTorch does. May be below 1 for inputs smaller than the kernel
   * (callers check).
   */
  public static DimExpr outputSize(DimExpr length, DimExpr kernel, DimExpr stride,
      DimExpr padding, DimExpr dilation, DimExpr ceil) {
    DimExpr one = DimExpr.of(1);
    // Rounding up adds s-1 before the floor division; nothing when c is 0 or the stride 1.
    DimExpr roundUp = RuleSupport.is(ceil, 0) || RuleSupport.is(stride, 1) ? DimExpr.of(0)
        : ceil.times(stride.minus(one));
    DimExpr span = length.plus(padding.times(DimExpr.of(2)))
        .minus(dilation.times(kernel.minus(one))).minus(one).plus(roundUp);
    if (stride.isConstant() && stride.constantValue() == 0) {
      return DimExpr.UNKNOWN;
    }
    DimExpr out = span.floorDiv(stride).plus(one);
    if (RuleSupport.is(ceil, 1) && out.isConstant() && length.isConstant()
        && padding.isConstant() && stride.isConstant()
        && (out.constantValue() - 1) * stride.constantValue()
            >= length.constantValue() + padding.constantValue()) {
      out = out.minus(one);
    }
    return out;
  }

  /**
   * {@code conv1d(input, weight, stride, padding, dilation, groups)}.
   *
   * <p>Shape: {@code [N, Cin, L] * [Cout, Cin/groups, K] -> [N, Cout, L']}, or unbatched {@code
   * [Cin, L] -> [Cout, L']}.
   */
  public static ShapeResult<TensorShape> conv1d(String op, TensorShape input, TensorShape weight,
      List<DimExpr> stride, List<DimExpr> padding, List<DimExpr> dilation, DimExpr groups) {
    return conv(op, 1, input, weight, stride, padding, dilation, groups);
  }

  /**
   * {@code conv2d(input, weight, stride, padding, dilation, groups)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] * [Cout, Cin/groups, KH, KW] -> [N, Cout, H', W']}, or
   * unbatched {@code [Cin, H, W] -> [Cout, H', W']}.
   */
  public static ShapeResult<TensorShape> conv2d(String op, TensorShape input, TensorShape weight,
      List<DimExpr> stride, List<DimExpr> padding, List<DimExpr> dilation, DimExpr groups) {
    return conv(op, 2, input, weight, stride, padding, dilation, groups);
  }

  /**
   * A convolution with {@code spatial} spatial dims; see {@link #conv2d}. Keys: {@link
   * MessageKeys#CONV_RANK}, {@link MessageKeys#MISMATCH_CONV_CHANNELS}, {@link
   * MessageKeys#CONV_PARAMS}, {@link MessageKeys#CONV_SIZE}. A null list means "not known".
   */
  public static ShapeResult<TensorShape> conv(String op, int spatial, TensorShape input,
      TensorShape weight, List<DimExpr> stride, List<DimExpr> padding, List<DimExpr> dilation,
      DimExpr groups) {
    return conv(op, spatial, input, weight, stride, padding, dilation, groups, false);
  }

  /**
   * A convolution with {@code padding="same"}, as {@code F.conv2d(x, w, padding="same")}: the
   * input is padded (on the right when the total {@code d*(k-1)} is odd) so that every spatial
   * size is kept. PyTorch accepts it only with stride 1.
   *
   * <p>Shape: {@code [N, Cin, *spatial] * [Cout, Cin/groups, *K] -> [N, Cout, *spatial]}, or
   * unbatched {@code [Cin, *spatial] -> [Cout, *spatial]}. Rule inputs: {@code (input, weight,
   * stride, dilation, groups)}; no op declares it yet (it has no {@link Rule}). Keys: as
   * {@link #conv}, and {@link MessageKeys#CONV_PARAMS} (argument 2) for a stride other than 1.
   */
  public static ShapeResult<TensorShape> convSame(String op, int spatial, TensorShape input,
      TensorShape weight, List<DimExpr> stride, List<DimExpr> dilation, DimExpr groups) {
    List<DimExpr> s = expandParam(stride, spatial);
    if (s != null) {
      for (DimExpr x : s) {
        if (x.isConstant() && x.constantValue() != 1) {
          return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
              "padding='same' needs stride 1 (PyTorch does not support it for strided "
                  + "convolutions), got stride " + stride + "; give the padding as numbers instead",
              2, -1);
        }
      }
    }
    return withoutPadding(conv(op, spatial, input, weight, stride, NO_PADDING, dilation, groups,
        true));
  }

  /**
   * A convolution with {@code padding="valid"}, as {@code F.conv2d(x, w, padding="valid")}: no
   * padding at all, the same as {@code padding=0}.
   *
   * <p>Shape: {@code [N, Cin, *spatial] * [Cout, Cin/groups, *K] -> [N, Cout, *((L - d(k-1) -
   * 1)/s + 1)]}, or unbatched. Rule inputs: {@code (input, weight, stride, dilation, groups)};
   * no op declares it yet. Keys: as {@link #conv}; {@link MessageKeys#CONV_SIZE} when the kernel
   * is larger than the input.
   */
  public static ShapeResult<TensorShape> convValid(String op, int spatial, TensorShape input,
      TensorShape weight, List<DimExpr> stride, List<DimExpr> dilation, DimExpr groups) {
    return withoutPadding(conv(op, spatial, input, weight, stride, NO_PADDING, dilation, groups,
        false));
  }

  private static final List<DimExpr> NO_PADDING = List.of(DimExpr.of(0));

  /** Renumbers a mismatch's argument from conv's inputs to the padding-less rules' inputs. */
  private static ShapeResult<TensorShape> withoutPadding(ShapeResult<TensorShape> r) {
    if (r.isOk() || r.mismatch().argument() < 4) {
      return r;
    }
    ShapeMismatch m = r.mismatch();
    return ShapeResult.mismatch(
        new ShapeMismatch(m.key(), m.op(), m.detail(), m.argument() - 1, m.dim()));
  }

  private static ShapeResult<TensorShape> conv(String op, int spatial, TensorShape input,
      TensorShape weight, List<DimExpr> stride, List<DimExpr> padding, List<DimExpr> dilation,
      DimExpr groups, boolean same) {
    if (!weight.hasVariadic() && weight.rank() != spatial + 2) {
      return RuleSupport.fail(MessageKeys.CONV_RANK, op,
          "weight must be " + (spatial + 2) + "-D [Cout, Cin/groups" + kernelNames(spatial)
              + "], got " + weight, 1, -1);
    }
    ShapeResult<Layout> layout = layout(op, spatial, input);
    if (!layout.isOk()) {
      return RuleSupport.failed(layout);
    }
    Layout l = layout.value();
    List<DimExpr> s = expandParam(stride, spatial);
    List<DimExpr> p = expandParam(padding, spatial);
    List<DimExpr> d = expandParam(dilation, spatial);
    if (s == null || p == null || d == null) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "stride, padding and dilation need 1 or " + spatial + " values each, got " + stride
              + ", " + padding + ", " + dilation, 2, -1);
    }
    ShapeResult<TensorShape> bad = checkParams(op, s, p, d, groups);
    if (bad != null) {
      return bad;
    }
    if (weight.hasVariadic()) {
      return ShapeResult.ok(l.result(DimExpr.UNKNOWN, Collections.nCopies(spatial,
          DimExpr.UNKNOWN)));
    }
    DimExpr cout = weight.dim(0);
    DimExpr cinPerGroup = weight.dim(1);
    if (groups.isConstant() && cout.isConstant() && cout.constantValue() % groups.constantValue()
        != 0) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "out-channels " + cout + " of weight " + weight + " must be divisible by groups "
              + groups, 1, 0);
    }
    if (l.channels != null) {
      DimExpr expected = cinPerGroup.times(groups);
      if (RuleSupport.differ(l.channels, expected)) {
        return RuleSupport.fail(MessageKeys.MISMATCH_CONV_CHANNELS, op,
            "input " + input + " has " + l.channels + " channels (" + Unifier.dimLabel(input,
                l.channelDim) + "), but weight " + weight + " expects " + expected
                + (is1(groups) ? "" : " (" + cinPerGroup + " per group x " + groups + " groups)")
                + (l.batched ? "" : "; a " + (spatial + 1) + "-D input is taken as unbatched "
                    + "[C" + spatialNames(spatial) + "]"),
            0, l.channelDim);
      }
    }
    List<DimExpr> out = new ArrayList<>(spatial);
    for (int i = 0; i < spatial; i++) {
      DimExpr in = l.spatial.get(i);
      DimExpr k = weight.dim(2 + i);
      DimExpr o = same ? in : outputSize(in, k, s.get(i), p.get(i), d.get(i), false);
      if (o.isConstant() && o.constantValue() < 1) {
        return tooSmall(op, input, in, k, p.get(i), d.get(i), i, l);
      }
      ShapeResult<TensorShape> huge = strideBeyondExtent(op, s.get(i),
          in.plus(p.get(i).times(DimExpr.of(2))), "input", i);
      if (huge != null) {
        return huge;
      }
      out.add(o);
    }
    return ShapeResult.ok(l.result(cout, out));
  }

  /**
   * A convolution module's forward from its hyperparameter vector. Shape: {@code module =
   * [Cin, Cout, K.., S.., P.., D.. (, groups)]} (one entry per spatial dim in each group, as
   * {@code Conv2d}'s type lists them), {@code input = [N, Cin, *spatial]} or {@code [Cin,
   * *spatial]} {@code -> [N, Cout, *spatial']}. A mismatch blames the input (argument 1) or
   * the module's hyperparameters (argument 0). The conv layers' rule {@link Rule#CONV_LAYER}
   * runs it after checking what a layer adds ({@link ConvLayerRules#conv}).
   */
  public static ShapeResult<TensorShape> convModule(
      String op, int spatial, TensorShape module, TensorShape input) {
    int n = 2 + 4 * spatial;
    if (module.hasVariadic() || (module.rank() != n && module.rank() != n + 1)) {
      if (module.hasVariadic()) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
          "a conv" + spatial + "d module's hyperparameters are [Cin, Cout, kernel x" + spatial
              + ", stride x" + spatial + ", padding x" + spatial + ", dilation x" + spatial
              + " (, groups)], got " + module, 0, -1);
    }
    List<DimExpr> m = module.dims();
    DimExpr groups = module.rank() == n + 1 ? m.get(n) : DimExpr.of(1);
    List<DimExpr> w = new ArrayList<>();
    w.add(m.get(1));
    w.add(m.get(0).isUnknown() || groups.isUnknown() || nonPositive(groups)
        ? DimExpr.UNKNOWN : m.get(0).floorDiv(groups));
    w.addAll(m.subList(2, 2 + spatial));
    ShapeResult<TensorShape> r = conv(op, spatial, input, TensorShape.of(w),
        m.subList(2 + spatial, 2 + 2 * spatial), m.subList(2 + 2 * spatial, 2 + 3 * spatial),
        m.subList(2 + 3 * spatial, 2 + 4 * spatial), groups);
    return ConvLayerRules.asModuleAndInput(r);
  }

  /**
   * Max or average pooling with {@code spatial} spatial dims (average pooling passes dilation
   * 1). An empty or null {@code stride} defaults to the kernel, as in PyTorch.
   *
   * <p>Shape: {@code [N, C, *spatial] -> [N, C, *spatial']} or {@code [C, *spatial] -> [C,
   * *spatial']}. Keys: {@link MessageKeys#CONV_RANK}, {@link MessageKeys#CONV_PARAMS} (padding
   * above half the kernel, non-positive stride), {@link MessageKeys#CONV_SIZE}.
   */
  public static ShapeResult<TensorShape> pool(String op, int spatial, TensorShape input,
      List<DimExpr> kernel, List<DimExpr> stride, List<DimExpr> padding, List<DimExpr> dilation,
      boolean ceilMode) {
    return pool(op, spatial, input, kernel, stride, padding, dilation,
        DimExpr.of(ceilMode ? 1 : 0));
  }

  /**
   * {@link #pool(String, int, TensorShape, List, List, List, List, boolean)} with the ceil mode
   * as a size, 1 or 0, as a pooling layer's type carries it ({@link ConvLayerRules#maxPool}): a
   * symbolic or unknown ceil mode gives symbolic or unknown spatial sizes ({@link
   * #outputSize(DimExpr, DimExpr, DimExpr, DimExpr, DimExpr, DimExpr)}).
   */
  public static ShapeResult<TensorShape> pool(String op, int spatial, TensorShape input,
      List<DimExpr> kernel, List<DimExpr> stride, List<DimExpr> padding, List<DimExpr> dilation,
      DimExpr ceilMode) {
    ShapeResult<Layout> layout = layout(op, spatial, input);
    if (!layout.isOk()) {
      return RuleSupport.failed(layout);
    }
    Layout l = layout.value();
    List<DimExpr> k = expandParam(kernel, spatial);
    List<DimExpr> s = stride != null && stride.isEmpty() ? k
        : expandParam(stride, spatial);
    List<DimExpr> p = expandParam(padding, spatial);
    List<DimExpr> d = expandParam(dilation, spatial);
    if (k == null || s == null || p == null || d == null) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "kernel, stride, padding and dilation need 1 or " + spatial + " values each, got "
              + kernel + ", " + stride + ", " + padding + ", " + dilation, 1, -1);
    }
    ShapeResult<TensorShape> bad = checkParams(op, s, p, d, DimExpr.of(1));
    if (bad != null) {
      return bad;
    }
    List<DimExpr> out = new ArrayList<>(spatial);
    for (int i = 0; i < spatial; i++) {
      DimExpr ki = k.get(i);
      DimExpr pi = p.get(i);
      if (ki.isConstant() && ki.constantValue() <= 0) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            "kernel size must be positive, got " + kernel, 1, -1);
      }
      if (ki.isConstant() && pi.isConstant() && pi.constantValue() * 2 > ki.constantValue()) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            "padding " + pi + " must be at most half of kernel size " + ki + " (spatial dim "
                + i + ")", 3, -1);
      }
      DimExpr in = l.spatial.get(i);
      DimExpr o = outputSize(in, ki, s.get(i), pi, d.get(i), ceilMode);
      // A ceil mode not known as a constant is 0 or 1: rounding up gives the larger size, so
      // when even that is below 1, every ceil mode fails.
      DimExpr largest = ceilMode.isConstant() ? o
          : outputSize(in, ki, s.get(i), pi, d.get(i), DimExpr.of(1));
      if (largest.isConstant() && largest.constantValue() < 1) {
        return tooSmall(op, input, in, ki, pi, d.get(i), i, l);
      }
      if (o.isConstant() && in.isConstant() && ki.isConstant() && pi.isConstant()
          && s.get(i).isConstant() && d.get(i).isConstant()) {
        long empty = windowWithoutInput(in.constantValue(), ki.constantValue(),
            s.get(i).constantValue(), pi.constantValue(), d.get(i).constantValue(),
            o.constantValue());
        if (empty >= 0) {
          return RuleSupport.fail(MessageKeys.CONV_PARAMS, op, "window " + empty
              + " of spatial dim " + i + " (size " + in + ") covers only padding: kernel " + ki
              + " dilated by " + d.get(i) + " from position " + (empty * s.get(i).constantValue()
                  - pi.constantValue()) + " skips every input element; use a smaller dilation"
              + " or padding", 1, -1);
        }
      }
      out.add(o);
    }
    return ShapeResult.ok(l.result(l.channels, out));
  }

  /**
   * The first output window of one spatial dim whose dilated taps all miss the input (they fall
   * in the padding, or straddle the input between two taps), or -1 when every window sees at
   * least one input element. libtorch's max pooling returns {@code -inf} and an index outside
   * the input for such a window, and its backward then writes out of bounds. Only windows that
   * start in the left padding can miss (the last one starts inside the input), so the loop runs
   * at most {@code padding/stride + 1} times.
   */
  static long windowWithoutInput(long length, long kernel, long stride, long padding,
      long dilation, long outputs) {
    for (long o = 0; o < outputs; o++) {
      long start = o * stride - padding;
      if (start >= 0) {
        return start < length ? -1 : o;
      }
      long firstInside = (-start + dilation - 1) / dilation; // the first tap at or after 0
      if (firstInside >= kernel || start + firstInside * dilation >= length) {
        return o;
      }
    }
    return -1;
  }

  /**
   * Adaptive pooling to a fixed output size. Shape: {@code [N, C, *spatial] -> [N, C,
   * *outputSize]} (or unbatched); an unknown entry of {@code outputSize} (an int the checker
   * cannot know) gives an unknown size, like every unknown int input.
   */
  public static ShapeResult<TensorShape> adaptivePool(
      String op, int spatial, TensorShape input, List<DimExpr> outputSize) {
    ShapeResult<Layout> layout = layout(op, spatial, input);
    if (!layout.isOk()) {
      return RuleSupport.failed(layout);
    }
    Layout l = layout.value();
    List<DimExpr> o = expandParam(outputSize, spatial);
    if (o == null) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "outputSize needs 1 or " + spatial + " values, got " + outputSize, 1, -1);
    }
    List<DimExpr> out = new ArrayList<>(spatial);
    for (int i = 0; i < spatial; i++) {
      DimExpr x = o.get(i);
      if (x.isConstant() && x.constantValue() < 0) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            "outputSize must be >= 0, got " + outputSize, 1, -1);
      }
      out.add(x);
    }
    return ShapeResult.ok(l.result(l.channels, out));
  }

  /** Where batch, channels and spatial dims sit in an input. */
  static final class Layout {
    final boolean batched;
    final String variadic;
    final DimExpr batch;
    final DimExpr channels;
    final int channelDim;
    final List<DimExpr> spatial;

    Layout(boolean batched, String variadic, DimExpr batch, DimExpr channels, int channelDim,
        List<DimExpr> spatial) {
      this.batched = batched;
      this.variadic = variadic;
      this.batch = batch;
      this.channels = channels;
      this.channelDim = channelDim;
      this.spatial = spatial;
    }

    TensorShape result(DimExpr newChannels, List<DimExpr> newSpatial) {
      List<DimExpr> out = new ArrayList<>();
      if (batched && batch != null) {
        out.add(batch);
      }
      if (channels != null || newChannels != null) {
        out.add(newChannels == null ? DimExpr.UNKNOWN : newChannels);
      }
      out.addAll(newSpatial);
      return TensorShape.of(variadic, out);
    }
  }

  /** Splits an input into batch/channels/spatial; rank spatial+1 (unbatched) or spatial+2. */
  static ShapeResult<Layout> layout(String op, int spatial, TensorShape input) {
    int r = input.rank();
    if (input.hasVariadic()) {
      if (r < spatial) {
        return ShapeResult.ok(new Layout(false, TensorShape.ANONYMOUS_VARIADIC, null, null, -1,
            Collections.nCopies(spatial, DimExpr.UNKNOWN)));
      }
      if (r > spatial + 2) {
        return rankError(op, spatial, input);
      }
      List<DimExpr> sp = input.dims().subList(r - spatial, r);
      DimExpr c = r >= spatial + 1 ? input.dim(r - spatial - 1) : null;
      DimExpr n = r == spatial + 2 ? input.dim(0) : null;
      // With only spatial dims explicit, the prefix hides the channels: it cannot be kept.
      String prefix = c == null ? TensorShape.ANONYMOUS_VARIADIC : input.variadic();
      return ShapeResult.ok(new Layout(n != null, prefix, n, c, r - spatial - 1, sp));
    }
    if (r != spatial + 1 && r != spatial + 2) {
      return rankError(op, spatial, input);
    }
    boolean batched = r == spatial + 2;
    int c = batched ? 1 : 0;
    return ShapeResult.ok(new Layout(batched, null, batched ? input.dim(0) : null, input.dim(c),
        c, input.dims().subList(c + 1, r)));
  }

  private static <T> ShapeResult<T> rankError(String op, int spatial, TensorShape input) {
    return RuleSupport.fail(MessageKeys.CONV_RANK, op,
        "expected a " + (spatial + 1) + "-D (unbatched [C" + spatialNames(spatial) + "]) or "
            + (spatial + 2) + "-D (batched [N, C" + spatialNames(spatial) + "]) input, got "
            + input, 0, -1);
  }

  /** One value per spatial dim (a single value is repeated); null if the count is wrong. */
  static List<DimExpr> expandParam(List<DimExpr> values, int spatial) {
    if (values == null) {
      return Collections.nCopies(spatial, DimExpr.UNKNOWN);
    }
    if (values.size() == 1) {
      return Collections.nCopies(spatial, values.get(0));
    }
    return values.size() == spatial ? values : null;
  }

  static ShapeResult<TensorShape> checkParams(String op, List<DimExpr> stride,
      List<DimExpr> padding, List<DimExpr> dilation, DimExpr groups) {
    for (int i = 0; i < stride.size(); i++) {
      if (nonPositive(stride.get(i)) || nonPositive(dilation.get(i))) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            "stride and dilation must be positive, got stride " + stride + ", dilation "
                + dilation, 2, -1);
      }
      DimExpr p = padding.get(i);
      if (p.isConstant() && p.constantValue() < 0) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            "padding must be >= 0, got " + padding, 3, -1);
      }
    }
    if (nonPositive(groups)) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "groups must be positive, got " + groups, 5, -1);
    }
    return null;
  }

  /** Strides up to this are accepted even beyond the extent (PyTorch allows them). */
  static final long SAFE_STRIDE = 1L << 16;

  /**
   * A stride longer than the padded extent it strides over and than {@link #SAFE_STRIDE}: every
   * stride from the extent up gives one window and the same result, while libtorch's oneDNN
   * kernels compute with strides near 2^31 in 32 bits and crash (SIGFPE) or spin for minutes.
   * Null if the stride is allowed or unknown.
   */
  static ShapeResult<TensorShape> strideBeyondExtent(
      String op, DimExpr stride, DimExpr paddedExtent, String what, int dim) {
    if (stride.isConstant() && paddedExtent.isConstant()
        && stride.constantValue() > Math.max(SAFE_STRIDE, paddedExtent.constantValue())) {
      long e = Math.max(1, paddedExtent.constantValue());
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "stride " + stride + " (spatial dim " + dim + ") is longer than the padded " + what
              + " size " + e + " and than " + SAFE_STRIDE + "; any stride from " + e
              + " up gives the same single window (libtorch's kernels crash on strides near"
              + " 2^31), so pass at most " + Math.max(e, SAFE_STRIDE), 2, -1);
    }
    return null;
  }

  static boolean nonPositive(DimExpr d) {
    return d.isConstant() && d.constantValue() <= 0;
  }

  private static boolean is1(DimExpr d) {
    return RuleSupport.is(d, 1);
  }

  private static ShapeResult<TensorShape> tooSmall(String op, TensorShape input, DimExpr in,
      DimExpr k, DimExpr p, DimExpr d, int i, Layout l) {
    return RuleSupport.fail(MessageKeys.CONV_SIZE, op,
        "input " + input + " is too small: spatial dim " + i + " has size " + in + " (padded "
            + in.plus(p.times(DimExpr.of(2))) + "), smaller than the effective kernel size "
            + d.times(k.minus(DimExpr.of(1))).plus(DimExpr.of(1)),
        0, l.channelDim + 1 + i);
  }

  static String kernelNames(int spatial) {
    return spatial == 1 ? ", K" : spatial == 2 ? ", KH, KW" : ", K x" + spatial;
  }

  static String spatialNames(int spatial) {
    return spatial == 1 ? ", L" : spatial == 2 ? ", H, W" : ", *spatial";
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /**
   * {@link Rule#CONV1D}'s and {@link Rule#CONV2D}'s inputs: input, weight, stride, padding,
   * dilation, groups, bias (absent: none).
   */
  static ShapeResult<TensorShape> conv(RuleArgs a, int spatial) {
    TensorShape weight = a.tensor(1);
    TensorShape bias = a.optionalTensor(6);
    ShapeResult<TensorShape> r = conv(a.op, spatial, a.tensor(0), weight, a.ints(2), a.ints(3),
        a.ints(4), a.integer(5));
    if (!r.isOk() || weight.hasVariadic()) {
      return r;
    }
    ShapeResult<TensorShape> badBias = bias(a.op, bias, weight.dim(0),
        "weight " + weight + " has " + weight.dim(0) + " out-channels (dim 0)", 6);
    return badBias != null ? badBias : r;
  }

  /**
   * The check of a convolution's bias ({@code null} when absent) against its out-channels:
   * PyTorch takes a bias {@code [Cout]}, one value per output channel, and libtorch fails on any
   * other. Null when the bias fits or cannot be judged; else a {@link
   * MessageKeys#MISMATCH_CONV_CHANNELS} mismatch on input {@code argument}.
   *
   * @param why where {@code cout} comes from, for the message
   */
  static ShapeResult<TensorShape> bias(String op, TensorShape bias, DimExpr cout, String why,
      int argument) {
    if (bias == null || (bias.hasVariadic() && bias.rank() <= 1
        && (bias.rank() == 0 || !RuleSupport.differ(bias.dim(0), cout)))) {
      return null;
    }
    if (bias.hasVariadic() || bias.rank() != 1 || RuleSupport.differ(bias.dim(0), cout)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_CONV_CHANNELS, op,
          "bias " + bias + " must be 1-D [" + cout + "], one value per out-channel: " + why
              + "; pass a bias of " + cout + " values or null", argument, -1);
    }
    return null;
  }

  /**
   * {@link Rule#POOL1D}'s, {@link Rule#POOL2D}'s and {@link Rule#POOL3D}'s inputs: input,
   * kernel, stride, padding, dilation, ceilMode. An unknown ceilMode makes the spatial sizes unknown (the ceil result
   * may be one larger than the floor one), and is checked as rounding up, whose sizes are the
   * larger: an input too small for it is too small for both.
   */
  static ShapeResult<TensorShape> pool(RuleArgs a, int spatial) {
    Boolean ceil = a.bool(5);
    TensorShape in = a.tensor(0);
    ShapeResult<TensorShape> r = pool(a.op, spatial, in, a.ints(1), a.ints(2), a.ints(3),
        a.ints(4), ceil == null || ceil);
    if (ceil != null || !r.isOk()) {
      return r;
    }
    List<DimExpr> out = RuleSupport.dimsCopy(r.value());
    for (int i = out.size() - spatial; i < out.size(); i++) {
      if (i >= 0) {
        out.set(i, DimExpr.UNKNOWN);
      }
    }
    return ShapeResult.ok(RuleSupport.withDims(r.value(), out));
  }

  /**
   * {@link Rule#ADAPTIVE_POOL1D}'s, {@link Rule#ADAPTIVE_POOL2D}'s and {@link
   * Rule#ADAPTIVE_POOL3D}'s inputs: input, outputSize.
   */
  static ShapeResult<TensorShape> adaptivePool(RuleArgs a, int spatial) {
    return adaptivePool(a.op, spatial, a.tensor(0), a.ints(1));
  }
}

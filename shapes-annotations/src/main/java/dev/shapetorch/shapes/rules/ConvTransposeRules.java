package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Transposed convolutions ({@code conv_transpose1d}, {@code conv_transpose2d}, the modules
 * {@code ConvTranspose1d}/{@code ConvTranspose2d}), batched ({@code [N, Cin, *spatial]}) or
 * unbatched ({@code [Cin, *spatial]}).
 *
 * <p>Every spatial size follows PyTorch's formula {@code (L - 1)*s - 2p + d(k-1) + op + 1},
 * where {@code op} is the output padding; it stays symbolic when the inputs are: {@code
 * (H-1)*S-2*P+D*(K-1)+OP+1}, in normal form {@code H*S-S-2*P+D*K-D+OP+1}. Unlike a convolution's
 * weight, a transposed convolution's weight is {@code [Cin, Cout/groups, *K]}: in-channels
 * first, so the output has {@code weight[1] * groups} channels.
 *
 * <p>Inputs PyTorch rejects are mismatches: the input's channels differ from the weight's dim 0
 * ({@link MessageKeys#MISMATCH_CONV_CHANNELS}); groups not dividing the weight's dim 0, a
 * negative padding, a non-positive stride or dilation, an output padding neither smaller than
 * the stride nor than the dilation ({@link MessageKeys#CONV_PARAMS}); an output size below 1
 * ({@link MessageKeys#CONV_SIZE}); a wrong rank ({@link MessageKeys#CONV_RANK}).
 */
public final class ConvTransposeRules {
  private ConvTransposeRules() {}

  /**
   * The output size of one spatial dim. Shape: {@code (L - 1)*stride - 2*padding +
   * dilation*(kernel - 1) + outputPadding + 1}. May be below 1 (callers check).
   */
  public static DimExpr outputSize(DimExpr length, DimExpr kernel, DimExpr stride,
      DimExpr padding, DimExpr outputPadding, DimExpr dilation) {
    DimExpr one = DimExpr.of(1);
    return length.minus(one).times(stride)
        .minus(padding.times(DimExpr.of(2)))
        .plus(dilation.times(kernel.minus(one)))
        .plus(outputPadding)
        .plus(one);
  }

  /**
   * {@code conv_transpose1d(input, weight, stride, padding, outputPadding, groups, dilation)}.
   *
   * <p>Shape: {@code [N, Cin, L] * [Cin, Cout/groups, K] -> [N, Cout, (L-1)*S - 2*P + D*(K-1) +
   * OP + 1]}, or unbatched {@code [Cin, L] -> [Cout, L']}.
   */
  public static ShapeResult<TensorShape> convTranspose1d(String op, TensorShape input,
      TensorShape weight, List<DimExpr> stride, List<DimExpr> padding,
      List<DimExpr> outputPadding, DimExpr groups, List<DimExpr> dilation) {
    return convTranspose(op, 1, input, weight, stride, padding, outputPadding, groups, dilation);
  }

  /**
   * {@code conv_transpose2d(input, weight, stride, padding, outputPadding, groups, dilation)}.
   *
   * <p>Shape: {@code [N, Cin, H, W] * [Cin, Cout/groups, KH, KW] -> [N, Cout, (H-1)*SH - 2*PH +
   * DH*(KH-1) + OPH + 1, (W-1)*SW - 2*PW + DW*(KW-1) + OPW + 1]}, or unbatched {@code [Cin, H, W]
   * -> [Cout, H', W']}.
   */
  public static ShapeResult<TensorShape> convTranspose2d(String op, TensorShape input,
      TensorShape weight, List<DimExpr> stride, List<DimExpr> padding,
      List<DimExpr> outputPadding, DimExpr groups, List<DimExpr> dilation) {
    return convTranspose(op, 2, input, weight, stride, padding, outputPadding, groups, dilation);
  }

  /**
   * A transposed convolution with {@code spatial} spatial dims; see {@link #convTranspose2d}.
   * Inputs in PyTorch's order: {@code (input 0, weight 1, stride 2, padding 3, outputPadding 4,
   * groups 5, dilation 6)}, which a mismatch's argument index refers to. Hyperparameter lists
   * hold one value per spatial dim, or one for all; a null list means "not known".
   */
  public static ShapeResult<TensorShape> convTranspose(String op, int spatial, TensorShape input,
      TensorShape weight, List<DimExpr> stride, List<DimExpr> padding,
      List<DimExpr> outputPadding, DimExpr groups, List<DimExpr> dilation) {
    if (!weight.hasVariadic() && weight.rank() != spatial + 2) {
      return RuleSupport.fail(MessageKeys.CONV_RANK, op,
          "weight must be " + (spatial + 2) + "-D [Cin, Cout/groups"
              + ConvRules.kernelNames(spatial) + "], got " + weight, 1, -1);
    }
    ShapeResult<ConvRules.Layout> layout = ConvRules.layout(op, spatial, input);
    if (!layout.isOk()) {
      return RuleSupport.failed(layout);
    }
    ConvRules.Layout l = layout.value();
    List<DimExpr> s = ConvRules.expandParam(stride, spatial);
    List<DimExpr> p = ConvRules.expandParam(padding, spatial);
    List<DimExpr> o = ConvRules.expandParam(outputPadding, spatial);
    List<DimExpr> d = ConvRules.expandParam(dilation, spatial);
    if (s == null || p == null || o == null || d == null) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "stride, padding, output padding and dilation need 1 or " + spatial
              + " values each, got " + stride + ", " + padding + ", " + outputPadding + ", "
              + dilation, 2, -1);
    }
    ShapeResult<TensorShape> bad = ConvRules.checkParams(op, s, p, d, groups);
    if (bad != null) {
      return bad; // conv's stride, padding and groups sit at the same indices as here
    }
    for (int i = 0; i < spatial; i++) {
      DimExpr oi = o.get(i);
      if (!oi.isConstant()) {
        continue;
      }
      boolean belowStride = s.get(i).isConstant() && oi.constantValue() < s.get(i).constantValue();
      boolean belowDilation =
          d.get(i).isConstant() && oi.constantValue() < d.get(i).constantValue();
      boolean known = s.get(i).isConstant() && d.get(i).isConstant();
      if (oi.constantValue() < 0 || (known && !belowStride && !belowDilation)) {
        return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
            "output padding must be >= 0 and smaller than either the stride or the dilation, "
                + "got output padding " + outputPadding + ", stride " + stride + ", dilation "
                + dilation + " (spatial dim " + i + ")", 4, -1);
      }
    }
    if (weight.hasVariadic()) {
      return ShapeResult.ok(l.result(DimExpr.UNKNOWN,
          Collections.nCopies(spatial, DimExpr.UNKNOWN)));
    }
    DimExpr cin = weight.dim(0);
    DimExpr coutPerGroup = weight.dim(1);
    if (groups.isConstant() && cin.isConstant() && cin.constantValue() % groups.constantValue()
        != 0) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "in-channels " + cin + " of weight " + weight + " (dim 0) must be divisible by groups "
              + groups, 1, 0);
    }
    if (l.channels != null && RuleSupport.differ(l.channels, cin)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_CONV_CHANNELS, op,
          "input " + input + " has " + l.channels + " channels (" + Unifier.dimLabel(input,
              l.channelDim) + "), but weight " + weight + " expects " + cin + " (a transposed "
              + "convolution's weight is [Cin, Cout/groups" + ConvRules.kernelNames(spatial)
              + "], in-channels first)"
              + (l.batched ? "" : "; a " + (spatial + 1) + "-D input is taken as unbatched [C"
                  + ConvRules.spatialNames(spatial) + "]"),
          0, l.channelDim);
    }
    List<DimExpr> out = new ArrayList<>(spatial);
    for (int i = 0; i < spatial; i++) {
      DimExpr in = l.spatial.get(i);
      DimExpr size = outputSize(in, weight.dim(2 + i), s.get(i), p.get(i), o.get(i), d.get(i));
      if (size.isConstant() && size.constantValue() < 1) {
        return RuleSupport.fail(MessageKeys.CONV_SIZE, op,
            "output too small: spatial dim " + i + " of input " + input + " (size " + in
                + ") gives " + size + " = (" + in + "-1)*" + s.get(i) + " - 2*" + p.get(i) + " + "
                + d.get(i) + "*(" + weight.dim(2 + i) + "-1) + " + o.get(i) + " + 1; reduce the"
                + " padding", 0, l.channelDim + 1 + i);
      }
      ShapeResult<TensorShape> huge = ConvRules.strideBeyondExtent(op, s.get(i),
          size.plus(p.get(i).times(DimExpr.of(2))), "output", i);
      if (huge != null) {
        return huge;
      }
      out.add(size);
    }
    return ShapeResult.ok(l.result(coutPerGroup.times(groups), out));
  }

  /**
   * A transposed convolution module's forward from its hyperparameter vector. Shape: {@code
   * module = [Cin, Cout, K.., S.., P.., OP.., D.. (, groups)]} (one entry per spatial dim in each
   * group, as {@code ConvTranspose2d}'s type lists them: {@code [Cin, Cout, KH, KW, SH, SW, PH,
   * PW, OPH, OPW, DH, DW]}), {@code input = [N, Cin, *spatial]} or {@code [Cin, *spatial]}
   * {@code -> [N, Cout, *spatial']}. A mismatch blames the input (argument 1) or the module's
   * hyperparameters (argument 0). The transposed conv layers' rule {@link
   * Rule#CONV_TRANSPOSE_LAYER} runs it after checking what a layer adds ({@link
   * ConvLayerRules#convTranspose}).
   */
  public static ShapeResult<TensorShape> convTransposeModule(
      String op, int spatial, TensorShape module, TensorShape input) {
    int n = 2 + 5 * spatial;
    if (module.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    if (module.rank() != n && module.rank() != n + 1) {
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
          "a conv_transpose" + spatial + "d module's hyperparameters are [Cin, Cout, kernel x"
              + spatial + ", stride x" + spatial + ", padding x" + spatial + ", output padding x"
              + spatial + ", dilation x" + spatial + " (, groups)], got " + module, 0, -1);
    }
    List<DimExpr> m = module.dims();
    DimExpr groups = module.rank() == n + 1 ? m.get(n) : DimExpr.of(1);
    DimExpr cout = m.get(1);
    if (groups.isConstant() && cout.isConstant() && groups.constantValue() > 0
        && cout.constantValue() % groups.constantValue() != 0) {
      return RuleSupport.fail(MessageKeys.CONV_PARAMS, op,
          "out-channels " + cout + " of module " + module + " must be divisible by groups "
              + groups, 0, 1);
    }
    List<DimExpr> w = new ArrayList<>();
    w.add(m.get(0));
    w.add(cout.isUnknown() || groups.isUnknown() || ConvRules.nonPositive(groups)
        ? DimExpr.UNKNOWN : cout.floorDiv(groups));
    w.addAll(m.subList(2, 2 + spatial));
    ShapeResult<TensorShape> r = convTranspose(op, spatial, input, TensorShape.of(w),
        m.subList(2 + spatial, 2 + 2 * spatial), m.subList(2 + 2 * spatial, 2 + 3 * spatial),
        m.subList(2 + 3 * spatial, 2 + 4 * spatial), groups,
        m.subList(2 + 4 * spatial, 2 + 5 * spatial));
    if (r.isOk()) {
      // The weight holds Cout/groups per group; the module's channels are Cout itself.
      List<DimExpr> out = RuleSupport.dimsCopy(r.value());
      out.set(out.size() - spatial - 1, cout);
      return ShapeResult.ok(RuleSupport.withDims(r.value(), out));
    }
    return ConvLayerRules.asModuleAndInput(r);
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /**
   * {@link Rule#CONV_TRANSPOSE2D}'s inputs: input, weight, stride, padding, outputPadding,
   * groups, dilation, bias (absent: none), which must be {@code [weight[1] * groups]}.
   */
  static ShapeResult<TensorShape> convTranspose(RuleArgs a, int spatial) {
    TensorShape weight = a.tensor(1);
    DimExpr groups = a.integer(5);
    TensorShape bias = a.optionalTensor(7);
    ShapeResult<TensorShape> r = convTranspose(a.op, spatial, a.tensor(0), weight, a.ints(2),
        a.ints(3), a.ints(4), groups, a.ints(6));
    if (!r.isOk() || weight.hasVariadic()) {
      return r;
    }
    DimExpr cout = weight.dim(1).times(groups);
    ShapeResult<TensorShape> badBias = ConvRules.bias(a.op, bias, cout,
        "weight " + weight + " with " + groups + " group(s) has " + cout
            + " out-channels (dim 1 x groups)", 7);
    return badBias != null ? badBias : r;
  }
}

package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code forward} of the convolution and pooling layers ({@code Conv1d}, {@code Conv2d},
 * {@code ConvTranspose2d}, {@code MaxPool1d}, {@code MaxPool2d}, {@code AvgPool2d}): the first
 * input is the module's hyperparameter vector (its type's {@code @Shape}), the second the
 * input tensor. The number of spatial dims is read from the vector's length.
 *
 * <p>Each rule runs the functional op's own function on the vector ({@link
 * ConvRules#convModule}, {@link ConvTransposeRules#convTransposeModule}, {@link
 * ConvRules#pool}), so that every output size comes from the one formula of its kind ({@link
 * ConvRules#outputSize(DimExpr, DimExpr, DimExpr, DimExpr, DimExpr, DimExpr)}, {@link
 * ConvTransposeRules#outputSize}) and stays symbolic when the sizes are. What a layer adds is
 * checked first, in the layer's words: its input must be batched ({@code [N, C, *spatial]}; a
 * {@link MessageKeys#RANK} mismatch otherwise, where the functional op would take one rank less
 * as unbatched) and, for a convolution, have the layer's in-channels ({@link
 * MessageKeys#MISMATCH_CONV_CHANNELS}). A mismatch blames the module's hyperparameters
 * (argument 0) or the input (argument 1).
 */
public final class ConvLayerRules {
  private ConvLayerRules() {}

  /**
   * A convolution layer's forward. Module vector: {@code [Cin, Cout, K.., S.., P.., D..]}, one
   * kernel size, stride, padding and dilation per spatial dim ({@code Conv1d}'s 6 entries,
   * {@code Conv2d}'s 10). Shape: {@code [N, Cin, *spatial] -> [N, Cout, *spatial']}, each size
   * {@code (L + 2P - D(K-1) - 1)/S + 1}.
   */
  public static ShapeResult<TensorShape> conv(String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(batchOnly(input));
    }
    int spatial = spatialDims(module, 2, 4);
    if (spatial < 1) {
      return badModule(op, module, "[Cin, Cout, kernel, stride, padding, dilation], one of each"
          + " of the last four per spatial dim (Conv1d: 6 entries, Conv2d: 10)");
    }
    ShapeResult<TensorShape> bad =
        layerInput(op, spatial, input, "Cin", module.dim(0), "F.conv" + spatial + "d");
    return bad != null ? bad : ConvRules.convModule(op, spatial, module, input);
  }

  /**
   * A transposed convolution layer's forward. Module vector: {@code [Cin, Cout, K.., S.., P..,
   * OP.., D..]}, one entry per spatial dim in each group ({@code ConvTranspose2d}'s 12). Shape:
   * {@code [N, Cin, *spatial] -> [N, Cout, *spatial']}, each size {@code (L-1)S - 2P + D(K-1) +
   * OP + 1}.
   */
  public static ShapeResult<TensorShape> convTranspose(
      String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(batchOnly(input));
    }
    int spatial = spatialDims(module, 2, 5);
    if (spatial < 1) {
      return badModule(op, module, "[Cin, Cout, kernel, stride, padding, output padding,"
          + " dilation], one of each of the last five per spatial dim (ConvTranspose2d: 12"
          + " entries)");
    }
    ShapeResult<TensorShape> bad = layerInput(op, spatial, input, "Cin", module.dim(0),
        "F.convTranspose" + spatial + "d");
    return bad != null ? bad
        : ConvTransposeRules.convTransposeModule(op, spatial, module, input);
  }

  /**
   * A max pooling layer's forward. Module vector: {@code [K.., S.., P.., D.., C]}, one kernel
   * size, stride, padding and dilation per spatial dim, then the ceil mode {@code C} (1 rounds
   * up, 0 down; unknown or symbolic, the output sizes are too). Shape: {@code [N, Ch, *spatial]
   * -> [N, Ch, *spatial']}, each size {@code (L + 2P - D(K-1) - 1 + C(S-1))/S + 1}.
   */
  public static ShapeResult<TensorShape> maxPool(
      String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(batchOnly(input));
    }
    int spatial = spatialDims(module, 1, 4);
    if (spatial < 1) {
      return badModule(op, module, "[kernel, stride, padding, dilation, ceil mode], one of each"
          + " but the ceil mode per spatial dim (MaxPool1d: 5 entries, MaxPool2d: 9, MaxPool3d: 13)");
    }
    ShapeResult<TensorShape> bad =
        layerInput(op, spatial, input, "C", null, "F.maxPool" + spatial + "d");
    if (bad != null) {
      return bad;
    }
    List<DimExpr> m = module.dims();
    return asModuleAndInput(ConvRules.pool(op, spatial, input, m.subList(0, spatial),
        m.subList(spatial, 2 * spatial), m.subList(2 * spatial, 3 * spatial),
        m.subList(3 * spatial, 4 * spatial), m.get(4 * spatial)));
  }

  /**
   * An average pooling layer's forward. Module vector: {@code [K.., S.., P.., C]}, one kernel
   * size, stride and padding per spatial dim, then the ceil mode {@code C}, as {@link #maxPool}'s
   * ({@code AvgPool1d}'s 4 entries, {@code AvgPool2d}'s 7, {@code AvgPool3d}'s 10). Shape: {@code [N, Ch, *spatial] -> [N, Ch, *spatial']},
   * each size {@code (L + 2P - K + C(S-1))/S + 1} (max pooling's with dilation 1).
   */
  public static ShapeResult<TensorShape> avgPool(
      String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(batchOnly(input));
    }
    int spatial = spatialDims(module, 1, 3);
    if (spatial < 1) {
      return badModule(op, module, "[kernel, stride, padding, ceil mode], one of each but the"
          + " ceil mode per spatial dim (AvgPool1d: 4 entries, AvgPool2d: 7, AvgPool3d: 10)");
    }
    ShapeResult<TensorShape> bad =
        layerInput(op, spatial, input, "C", null, "F.avgPool" + spatial + "d");
    if (bad != null) {
      return bad;
    }
    List<DimExpr> m = module.dims();
    return asModuleAndInput(ConvRules.pool(op, spatial, input, m.subList(0, spatial),
        m.subList(spatial, 2 * spatial), m.subList(2 * spatial, 3 * spatial),
        Collections.nCopies(spatial, DimExpr.of(1)), m.get(3 * spatial)));
  }

  /**
   * The spatial dims a module vector of {@code fixed} entries plus {@code perDim} per spatial
   * dim describes, or -1 when its length fits no count.
   */
  private static int spatialDims(TensorShape module, int fixed, int perDim) {
    int rest = module.rank() - fixed;
    return rest >= perDim && rest % perDim == 0 ? rest / perDim : -1;
  }

  private static ShapeResult<TensorShape> badModule(String op, TensorShape module, String want) {
    return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
        "the layer's hyperparameters are " + want + ", got " + module, 0, -1);
  }

  /** With the module unknown: the input's batch dim, the rest unknown. */
  private static TensorShape batchOnly(TensorShape input) {
    if (input.hasVariadic() || input.rank() == 0) {
      return TensorShape.unknownRank();
    }
    List<DimExpr> out = new ArrayList<>(Collections.nCopies(input.rank(), DimExpr.UNKNOWN));
    out.set(0, input.dim(0));
    return TensorShape.of(out);
  }

  /**
   * What a layer requires of its input beyond the functional op: a batch ({@code [N, C,
   * *spatial]}), and {@code channels} channels when not null. Null when it is fine.
   */
  private static ShapeResult<TensorShape> layerInput(String op, int spatial, TensorShape input,
      String channelName, DimExpr channels, String functional) {
    int want = spatial + 2;
    String layout = "[N, " + channelName + ConvRules.spatialNames(spatial) + "]";
    int r = input.rank();
    if (input.hasVariadic() ? r > want : r != want) {
      String hint = r == want - 1
          ? "add the missing dim: unsqueeze(0) for one unbatched sample [" + channelName
              + ConvRules.spatialNames(spatial) + "], unsqueeze(1) for a batch that lost its"
              + " channel dim; " + functional + " takes an unbatched input as it is"
          : "reshape it to " + layout;
      return RuleSupport.fail(MessageKeys.RANK, op, "input " + input + " is "
          + RuleSupport.rankOf(input) + ", required " + layout + " (rank " + want
          + "): the layer takes a batch; " + hint, 1, -1);
    }
    if (channels == null || r < spatial + 1) {
      return null;
    }
    int c = r - spatial - 1;
    if (RuleSupport.differ(input.dim(c), channels)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_CONV_CHANNELS, op, "input " + input
          + " has " + input.dim(c) + " channels (" + Unifier.dimLabel(input, c)
          + "), but the layer expects " + channelName + " = " + channels + "; pass an input of "
          + channels + " channels, or build the layer for " + input.dim(c), 1, c);
    }
    return null;
  }

  /**
   * A mismatch of a functional rule run on a module vector, renumbered for the layer rule's
   * inputs: one about the functional op's input (argument 0) is about the layer's input
   * (argument 1, same dim); any other (weight, stride, padding, ...) comes from the module's
   * hyperparameters (argument 0).
   */
  static ShapeResult<TensorShape> asModuleAndInput(ShapeResult<TensorShape> r) {
    if (r.isOk()) {
      return r;
    }
    ShapeMismatch x = r.mismatch();
    boolean aboutInput = x.argument() == 0;
    return ShapeResult.mismatch(new ShapeMismatch(x.key(), x.op(), x.detail(),
        aboutInput ? 1 : 0, aboutInput ? x.dim() : -1));
  }
}

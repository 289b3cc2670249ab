package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules for layers whose signature a {@code @Shape} pattern cannot state: recurrent layers,
 * embeddings and normalisation layers. The first input of a module rule is the module's
 * hyperparameter vector (the module type's {@code @Shape}).
 */
public final class LayerRules {
  private LayerRules() {}

  /**
   * RNN/LSTM/GRU forward output. Module vector: {@code [In, Hidden, Layers, Bidirectional(0/1),
   * BatchFirst(0/1)]}. Shape: {@code [L, N, In] -> [L, N, D*Hidden]}, batch-first {@code [N, L,
   * In] -> [N, L, D*Hidden]}, unbatched {@code [L, In] -> [L, D*Hidden]}, with {@code D = 2}
   * when bidirectional.
   *
   * <p>What shapes can and cannot catch: the input's feature size must be {@code In} ({@link
   * MessageKeys#MISMATCH_RNN_INPUT}) and its rank 2 or 3 ({@link MessageKeys#RANK}). A
   * batch-first model fed sequence-first data ({@code [L, N, In]}), or the reverse, is not
   * detectable from the input alone: both layouts are 3-D with {@code In} last and the output
   * keeps the first two dims in place. {@link #recurrentHidden} catches it when an initial
   * state is passed, because {@code h0}'s batch size must match the dim that {@code batchFirst}
   * says is the batch.
   */
  public static ShapeResult<TensorShape> recurrent(
      String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    ShapeResult<Rnn> p = rnn(op, module, input);
    if (!p.isOk()) {
      return RuleSupport.failed(p);
    }
    Rnn r = p.value();
    if (input.hasVariadic()) {
      return ShapeResult.ok(TensorShape.of(input.variadic(), List.of(r.outFeatures())));
    }
    List<DimExpr> out = new ArrayList<>(input.dims().subList(0, input.rank() - 1));
    out.add(r.outFeatures());
    return ShapeResult.ok(TensorShape.of(out));
  }

  /**
   * The initial/final hidden state's shape, and the check of a given {@code h0} (null when
   * absent). Shape: {@code [D*Layers, N, Hidden]}, unbatched {@code [D*Layers, Hidden]}. The
   * batch size {@code N} is {@code input[0]} when batch-first, else {@code input[1]}; an {@code
   * h0} whose batch size disagrees is a {@link MessageKeys#MISMATCH_RNN_INPUT} mismatch.
   */
  public static ShapeResult<TensorShape> recurrentHidden(
      String op, TensorShape module, TensorShape input, TensorShape h0) {
    return recurrentStates(op, module, input, h0, null);
  }

  /**
   * {@link #recurrentHidden} with an LSTM's cell state too: {@code h0} and {@code c0} (each null
   * when absent) must both be the hidden state's shape {@code [D*Layers, N, Hidden]}; a {@code
   * c0} that is not is a {@link MessageKeys#MISMATCH_RNN_INPUT} mismatch on input 3.
   */
  public static ShapeResult<TensorShape> recurrentStates(
      String op, TensorShape module, TensorShape input, TensorShape h0, TensorShape c0) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(h0 != null ? h0 : c0 != null ? c0 : TensorShape.unknownRank());
    }
    ShapeResult<Rnn> p = rnn(op, module, input);
    if (!p.isOk()) {
      return RuleSupport.failed(p);
    }
    Rnn r = p.value();
    DimExpr states = r.directions().times(r.layers);
    TensorShape want;
    if (input.hasVariadic()) {
      want = TensorShape.of(TensorShape.ANONYMOUS_VARIADIC, List.of(r.hidden));
    } else if (input.rank() == 2) {
      want = TensorShape.of(List.of(states, r.hidden));
    } else {
      DimExpr batch = RuleSupport.is(r.batchFirst, 1) ? input.dim(0)
          : RuleSupport.is(r.batchFirst, 0) ? input.dim(1) : DimExpr.UNKNOWN;
      want = TensorShape.of(List.of(states, batch, r.hidden));
    }
    ShapeResult<TensorShape> hidden = givenState(op, r, input, want, "initial state", h0, 2);
    if (!hidden.isOk()) {
      return hidden;
    }
    ShapeResult<TensorShape> cell = givenState(op, r, input, want, "initial cell state", c0, 3);
    if (!cell.isOk()) {
      return cell;
    }
    return want.isConcrete() || h0 == null ? hidden : ShapeResult.ok(h0);
  }

  /** {@code want}, after checking {@code given} (input {@code index}, null when absent) is it. */
  private static ShapeResult<TensorShape> givenState(String op, Rnn r, TensorShape input,
      TensorShape want, String what, TensorShape given, int index) {
    if (given != null && !LossRules.sameShape(op, want, given).isOk()) {
      String layout = RuleSupport.is(r.batchFirst, 1) ? "batch-first [N, L, In]"
          : "sequence-first [L, N, In]";
      return RuleSupport.fail(MessageKeys.MISMATCH_RNN_INPUT, op,
          what + " " + given + " must be " + want + " for input " + input
              + (input.rank() == 3 ? " read as " + layout : "")
              + "; is the input's layout what batchFirst says?", index, -1);
    }
    return ShapeResult.ok(want);
  }

  /**
   * {@code embedding(weight, indices)}. Shape: {@code [V, E] + [*] -> [*, E]}. Key {@link
   * MessageKeys#EMBEDDING} (weight not 2-D).
   */
  public static ShapeResult<TensorShape> embedding(
      String op, TensorShape weight, TensorShape indices) {
    if (weight.hasVariadic()) {
      return ShapeResult.ok(TensorShape.of(indices.variadic(), append(indices, DimExpr.UNKNOWN)));
    }
    if (weight.rank() != 2) {
      return RuleSupport.fail(MessageKeys.EMBEDDING, op,
          "weight must be 2-D [numEmbeddings, embeddingDim], got " + weight, 0, -1);
    }
    return ShapeResult.ok(TensorShape.of(indices.variadic(), append(indices, weight.dim(1))));
  }

  /**
   * Normalisation over channels (batch/instance/group norm). Module vector: {@code [C, ...]}
   * (only the first entry is read). Shape: {@code [N, C, *] -> [N, C, *]}; a 1-D input {@code
   * [C]} is read as unbatched features. Key {@link MessageKeys#MISMATCH_NORM_CHANNELS}.
   */
  public static ShapeResult<TensorShape> normChannels(
      String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic() || module.rank() == 0) {
      return ShapeResult.ok(input);
    }
    DimExpr c = module.dim(0);
    if (input.hasVariadic()) {
      return ShapeResult.ok(input);
    }
    if (input.rank() < 2) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "expected an input [N, C, ...] with at least 2 dims, got " + input, 1, -1);
    }
    if (RuleSupport.differ(input.dim(1), c)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_NORM_CHANNELS, op,
          "input " + input + " has " + input.dim(1) + " channels (dim 1), the layer expects "
              + c, 1, 1);
    }
    return ShapeResult.ok(input);
  }

  /**
   * {@code BatchNorm1d}'s forward: {@link #normChannels} on features {@code [N, C]} or sequences
   * {@code [N, C, L]}, as PyTorch's {@code BatchNorm1d} takes; any other rank is a {@link
   * MessageKeys#RANK} mismatch (a 4-D batch of images wants {@code BatchNorm2d}). Module vector:
   * {@code [C]}. Shape: unchanged.
   */
  public static ShapeResult<TensorShape> batchNorm1d(
      String op, TensorShape module, TensorShape input) {
    int r = input.rank();
    if (input.hasVariadic() ? r > 3 : r != 2 && r != 3) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "expected a 2-D [N, C] or 3-D [N, C, L] input, got " + input
              + (r == 4 && !input.hasVariadic() ? "; for images [N, C, H, W] use BatchNorm2d"
                  : ""), 1, -1);
    }
    return normChannels(op, module, input);
  }

  /**
   * {@code InstanceNorm1d/2d/3d}'s forward, {@code spatial} the number of spatial dims: a batch
   * {@code [N, C, *spatial]} or one unbatched sample {@code [C, *spatial]}, as PyTorch's
   * instance norms take; any other rank is a {@link MessageKeys#RANK} mismatch, a channel count
   * (dim 1, or 0 unbatched) other than the layer's a {@link MessageKeys#MISMATCH_NORM_CHANNELS}
   * one. Module vector: {@code [C]}. Shape: unchanged.
   */
  public static ShapeResult<TensorShape> instanceNorm(
      String op, int spatial, TensorShape module, TensorShape input) {
    int r = input.rank();
    if (input.hasVariadic() ? r > spatial + 2 : r != spatial + 1 && r != spatial + 2) {
      String dims = spatial == 1 ? "L" : spatial == 2 ? "H, W" : "D, H, W";
      return RuleSupport.fail(MessageKeys.RANK, op, "expected a " + (spatial + 2) + "-D [N, C, "
          + dims + "] or unbatched " + (spatial + 1) + "-D [C, " + dims + "] input, got "
          + input, 1, -1);
    }
    if (input.hasVariadic() || module.hasVariadic() || module.rank() == 0) {
      return ShapeResult.ok(input);
    }
    int channelDim = r - spatial - 1;
    DimExpr c = module.dim(0);
    if (RuleSupport.differ(input.dim(channelDim), c)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_NORM_CHANNELS, op, "input " + input + " has "
          + input.dim(channelDim) + " channels (dim " + channelDim + "), the layer expects " + c,
          1, channelDim);
    }
    return ShapeResult.ok(input);
  }

  /**
   * {@code localResponseNorm(input, size)}: an input {@code [N, C, *]} of at least 3 dims, as
   * PyTorch's {@code F.local_response_norm} takes ({@link MessageKeys#RANK}), and a positive
   * window of channels ({@link MessageKeys#MODULE_PARAMS}). Shape: unchanged.
   */
  public static ShapeResult<TensorShape> localResponseNorm(
      String op, TensorShape input, DimExpr size) {
    if (size.isConstant() && size.constantValue() < 1) {
      return RuleSupport.fail(MessageKeys.MODULE_PARAMS, op,
          "size (the channels each window spans) must be positive, got " + size, 1, -1);
    }
    if (!input.hasVariadic() && input.rank() < 3) {
      return RuleSupport.fail(MessageKeys.RANK, op, "expected an input [N, C, *] with at least"
          + " 3 dims, got " + input + "; for features [N, C] add a dim: x.unsqueeze(2)", 0, -1);
    }
    return ShapeResult.ok(input);
  }

  /**
   * {@code MultiheadAttention}'s forward. Module vector: {@code [E, Heads, BatchFirst]}. Shape:
   * query {@code [L, N, E]}, key and value {@code [S, N, E]} (batch first: {@code [N, L, E]}
   * and {@code [N, S, E]}) {@code ->} the query's shape. The three are 3-D ({@link
   * MessageKeys#RANK}); each ends in {@code E}, key and value have one shape, and the query's
   * batch size (the dim {@code BatchFirst} names) is the key's ({@link
   * MessageKeys#MISMATCH_ARGUMENT}). A mismatch blames the module (argument 0), the query (1),
   * the key (2) or the value (3).
   */
  public static ShapeResult<TensorShape> multiheadAttention(String op, TensorShape module,
      TensorShape query, TensorShape key, TensorShape value) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(query);
    }
    if (module.rank() != 3) {
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
          "an attention module's hyperparameters are [E, Heads, BatchFirst(0/1)], got "
              + module, 0, -1);
    }
    DimExpr e = module.dim(0);
    DimExpr batchFirst = module.dim(2);
    List<TensorShape> inputs = List.of(query, key, value);
    List<String> names = List.of("query", "key", "value");
    for (int i = 0; i < 3; i++) {
      TensorShape t = inputs.get(i);
      int r = t.rank();
      if (t.hasVariadic() ? r > 3 : r != 3) {
        return RuleSupport.fail(MessageKeys.RANK, op, names.get(i) + " must be 3-D ([L, N, E],"
            + " or [N, L, E] when batch first), got " + t, i + 1, -1);
      }
      if (r > 0 && RuleSupport.differ(t.dim(r - 1), e)) {
        return RuleSupport.fail(MessageKeys.MISMATCH_ARGUMENT, op, names.get(i) + " " + t
            + " must end in the embedding size " + e + " (" + RuleSupport.dimIs(t, r - 1)
            + ")", i + 1, r - 1);
      }
    }
    if (!LossRules.sameShape(op, key, value).isOk()) {
      return RuleSupport.fail(MessageKeys.MISMATCH_ARGUMENT, op,
          "key " + key + " and value " + value + " must have the same shape", 3, -1);
    }
    if (!query.hasVariadic() && !key.hasVariadic() && batchFirst.isConstant()) {
      boolean first = batchFirst.constantValue() == 1;
      int b = first ? 0 : 1;
      if (RuleSupport.differ(query.dim(b), key.dim(b))) {
        return RuleSupport.fail(MessageKeys.MISMATCH_ARGUMENT, op,
            "query " + query + " and key " + key + " have different batch sizes (dim " + b
                + ", as" + (first ? "" : " not") + " batch first)", 2, b);
      }
    }
    return ShapeResult.ok(query);
  }

  /**
   * A transformer's forward over two sequences, {@code TransformerDecoderLayer}, {@code
   * TransformerDecoder} ({@code tgt}, {@code memory}) and {@code Transformer} ({@code src},
   * {@code tgt}). Module vector: {@code [D, Heads, FF, BatchFirst]}. Shape: {@code [T, N, D]}
   * and {@code [S, N, D]} (batch first: {@code [N, T, D]} and {@code [N, S, D]}) {@code ->} the
   * target's shape. Both are 3-D ({@link MessageKeys#RANK}), both end in {@code D} and their
   * batch sizes (the dim {@code BatchFirst} names) agree ({@link
   * MessageKeys#MISMATCH_ARGUMENT}). A mismatch blames the module (argument 0), the first
   * sequence (1) or the second (2).
   *
   * @param names the two sequences' names, as the forward's parameters
   * @param target the index (0 or 1) of the sequence whose shape is the result
   */
  public static ShapeResult<TensorShape> transformer(String op, TensorShape module,
      TensorShape first, TensorShape second, List<String> names, int target) {
    List<TensorShape> inputs = List.of(first, second);
    if (module.hasVariadic()) {
      return ShapeResult.ok(inputs.get(target));
    }
    if (module.rank() != 4) {
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
          "a transformer's hyperparameters are [D, Heads, FF, BatchFirst(0/1)], got " + module,
          0, -1);
    }
    DimExpr d = module.dim(0);
    DimExpr batchFirst = module.dim(3);
    for (int i = 0; i < 2; i++) {
      TensorShape t = inputs.get(i);
      int r = t.rank();
      if (t.hasVariadic() ? r > 3 : r != 3) {
        return RuleSupport.fail(MessageKeys.RANK, op, names.get(i) + " must be 3-D ([L, N, D],"
            + " or [N, L, D] when batch first), got " + t, i + 1, -1);
      }
      if (r > 0 && RuleSupport.differ(t.dim(r - 1), d)) {
        return RuleSupport.fail(MessageKeys.MISMATCH_ARGUMENT, op, names.get(i) + " " + t
            + " must end in the model size D = " + d + " (" + RuleSupport.dimIs(t, r - 1)
            + ")", i + 1, r - 1);
      }
    }
    if (!first.hasVariadic() && !second.hasVariadic() && batchFirst.isConstant()) {
      boolean bf = batchFirst.constantValue() == 1;
      int b = bf ? 0 : 1;
      if (RuleSupport.differ(first.dim(b), second.dim(b))) {
        return RuleSupport.fail(MessageKeys.MISMATCH_ARGUMENT, op,
            names.get(0) + " " + first + " and " + names.get(1) + " " + second
                + " have different batch sizes (dim " + b + ", as" + (bf ? "" : " not")
                + " batch first)", 2, b);
      }
    }
    return ShapeResult.ok(inputs.get(target));
  }

  /**
   * {@code batchNorm(input, weight, bias, runningMean, runningVar)}: the input has at least two
   * dims and as many channels (dim 1) as the first per-channel tensor given has elements (the
   * others are libtorch's to compare). Shape: {@code [N, C, *] -> [N, C, *]}. Keys {@link
   * MessageKeys#MISMATCH_NORM_CHANNELS}, {@link MessageKeys#RANK}.
   *
   * @param perChannel the per-channel tensors, null where absent
   */
  public static ShapeResult<TensorShape> batchNorm(
      String op, TensorShape input, List<TensorShape> perChannel) {
    TensorShape module = TensorShape.unknownRank();
    for (TensorShape t : perChannel) {
      if (t != null) {
        module = TensorShape.of(List.of(ViewRules.numel(t)));
        break;
      }
    }
    ShapeResult<TensorShape> r = normChannels(op, module, input);
    if (!r.isOk()) {
      ShapeMismatch m = r.mismatch();
      return ShapeResult.mismatch(new ShapeMismatch(m.key(), m.op(), m.detail(), 0, m.dim()));
    }
    if (!input.hasVariadic() && input.rank() < 2) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "expected an input [N, C, *] with at least 2 dims, got " + input, 0, -1);
    }
    return ShapeResult.ok(input);
  }

  /**
   * {@code groupNorm(input, numGroups, weight, bias)}: {@link #batchNorm}'s channels, which
   * {@code numGroups} must divide. Shape: {@code [N, C, *] -> [N, C, *]}. Keys as {@link
   * #batchNorm}.
   */
  public static ShapeResult<TensorShape> groupNorm(
      String op, TensorShape input, DimExpr numGroups, List<TensorShape> perChannel) {
    ShapeResult<TensorShape> r = batchNorm(op, input, perChannel);
    if (!r.isOk() || input.hasVariadic()) {
      return r;
    }
    DimExpr c = input.dim(1);
    if (c.isConstant() && numGroups.isConstant() && numGroups.constantValue() <= 0
        || ContractRules.notDividing(numGroups, c)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_NORM_CHANNELS, op,
          "the input " + input + " has " + c + " channels, which " + numGroups
              + " groups do not divide", 1, -1);
    }
    return r;
  }

  /**
   * {@code layerNorm(input, normalizedShape)}: the input's trailing dims must equal {@code
   * normalizedShape}. Shape: {@code [*, normalizedShape] -> [*, normalizedShape]}. Key {@link
   * MessageKeys#MISMATCH_NORM_CHANNELS}.
   */
  public static ShapeResult<TensorShape> layerNorm(
      String op, TensorShape input, List<DimExpr> normalizedShape) {
    int n = normalizedShape.size();
    if (!input.hasVariadic() && input.rank() < n) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "input " + input + " has fewer dims than normalizedShape " + normalizedShape, 0, -1);
    }
    int r = input.rank();
    for (int j = 1; j <= Math.min(n, r); j++) {
      DimExpr want = normalizedShape.get(n - j);
      if (RuleSupport.differ(input.dim(r - j), want)) {
        return RuleSupport.fail(MessageKeys.MISMATCH_NORM_CHANNELS, op,
            "input " + input + " must end in normalizedShape " + normalizedShape + " ("
                + RuleSupport.dimIs(input, r - j) + ", expected " + want + ")", 0, r - j);
      }
    }
    return ShapeResult.ok(input);
  }

  private static List<DimExpr> append(TensorShape s, DimExpr last) {
    List<DimExpr> out = new ArrayList<>(s.dims());
    out.add(last);
    return out;
  }

  /** The parts of an RNN module vector. */
  private static final class Rnn {
    final DimExpr in;
    final DimExpr hidden;
    final DimExpr layers;
    final DimExpr bidirectional;
    final DimExpr batchFirst;

    Rnn(List<DimExpr> m) {
      in = m.get(0);
      hidden = m.get(1);
      layers = m.get(2);
      bidirectional = m.get(3);
      batchFirst = m.get(4);
    }

    DimExpr directions() {
      return bidirectional.plus(DimExpr.of(1));
    }

    DimExpr outFeatures() {
      return directions().times(hidden);
    }
  }

  private static ShapeResult<Rnn> rnn(String op, TensorShape module, TensorShape input) {
    if (module.hasVariadic() || module.rank() != 5) {
      return RuleSupport.fail(MessageKeys.RULE_ARGUMENTS, op,
          "a recurrent module's hyperparameters are [In, Hidden, Layers, Bidirectional(0/1), "
              + "BatchFirst(0/1)], got " + module, 0, -1);
    }
    Rnn r = new Rnn(module.dims());
    if (!input.hasVariadic() && input.rank() != 2 && input.rank() != 3) {
      return RuleSupport.fail(MessageKeys.RANK, op,
          "expected a 2-D (unbatched [L, In]) or 3-D ([L, N, In], or [N, L, In] when batch-first)"
              + " input, got " + input, 1, -1);
    }
    if (input.rank() > 0 && RuleSupport.differ(input.dim(input.rank() - 1), r.in)) {
      return RuleSupport.fail(MessageKeys.MISMATCH_RNN_INPUT, op,
          "the input's last dim must be the input size " + r.in + ": input is " + input + " ("
              + RuleSupport.dimIs(input, input.rank() - 1) + ")", 1, input.rank() - 1);
    }
    return ShapeResult.ok(r);
  }

  // The rules' inputs (Rule#apply): an input the checker does not know gives unknown sizes.

  /** {@link Rule#RECURRENT_HIDDEN}'s inputs: module, input, h0 or absent, c0 or absent. */
  static ShapeResult<TensorShape> recurrentStates(RuleArgs a) {
    return recurrentStates(a.op, a.tensor(0), a.tensor(1), a.optionalTensor(2),
        a.optionalTensor(3));
  }

  /** {@link Rule#BATCH_NORM}'s inputs: input, weight, bias, runningMean, runningVar. */
  static ShapeResult<TensorShape> batchNorm(RuleArgs a) {
    return batchNorm(a.op, a.tensor(0), java.util.Arrays.asList(a.optionalTensor(1),
        a.optionalTensor(2), a.optionalTensor(3), a.optionalTensor(4)));
  }

  /** {@link Rule#GROUP_NORM}'s inputs: input, numGroups, weight, bias. */
  static ShapeResult<TensorShape> groupNorm(RuleArgs a) {
    return groupNorm(a.op, a.tensor(0), a.integer(1),
        java.util.Arrays.asList(a.optionalTensor(2), a.optionalTensor(3)));
  }

  /** {@link Rule#LAYER_NORM}'s inputs: input, normalizedShape. */
  static ShapeResult<TensorShape> layerNorm(RuleArgs a) {
    List<DimExpr> shape = a.ints(1);
    TensorShape in = a.tensor(0);
    return shape == null ? ShapeResult.ok(in) : layerNorm(a.op, in, shape);
  }
}

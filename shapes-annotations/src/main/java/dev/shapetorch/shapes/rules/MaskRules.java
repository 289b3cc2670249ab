package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Attention masks and key padding masks, checked against the layer's layout and the sizes of
 * the sequences they mask: {@code MultiheadAttention}, the transformer layers and stacks, and
 * {@code scaledDotProductAttention}. A mask that is absent (null) is fine. Key {@link
 * MessageKeys#MISMATCH_MASK}; the message names the mask, the layout the layer reads its inputs
 * in, the shape the mask must have and what to do.
 *
 * <p>Shapes, as PyTorch's {@code nn.MultiheadAttention} and {@code nn.Transformer} document
 * them: a key padding mask is {@code [N, S]} (N the batch size, the dim the layer's {@code
 * BatchFirst} names; S the key length); an attention mask is {@code [L, S]} or {@code [N*Heads,
 * L, S]} (L the query length). A padding mask built for the other layout ({@code [S, N]}), the
 * usual sign of batch-first data given to a sequence-first layer, is caught where {@code S !=
 * N}.
 */
public final class MaskRules {
  private MaskRules() {}

  /**
   * {@code MultiheadAttention.forward(query, key, value, keyPaddingMask, attnMask)}: {@link
   * LayerRules#multiheadAttention} on the three inputs, then the masks (each null when absent):
   * {@code keyPaddingMask} {@code [N, S]} (argument 4), {@code attnMask} {@code [L, S]} or
   * {@code [N*Heads, L, S]} (argument 5). Module vector {@code [E, Heads, BatchFirst]}.
   */
  public static ShapeResult<TensorShape> multiheadAttention(String op, TensorShape module,
      TensorShape query, TensorShape key, TensorShape value, TensorShape keyPaddingMask,
      TensorShape attnMask) {
    ShapeResult<TensorShape> r = LayerRules.multiheadAttention(op, module, query, key, value);
    if (!r.isOk() || module.hasVariadic()) {
      return r;
    }
    Layout lay = new Layout(module.dim(2), module.dim(1), "E", List.of(
        new Seq("query", query, "L"), new Seq("key", key, "S")));
    ShapeResult<TensorShape> m = lay.keyPadding(op, "keyPaddingMask", keyPaddingMask, 1, 4);
    if (m.isOk()) {
      m = lay.attention(op, "attnMask", attnMask, 0, 1, 5);
    }
    return m.isOk() ? r : m;
  }

  /**
   * {@code TransformerEncoderLayer.forward} and {@code TransformerEncoder.forward} with masks:
   * {@code src} {@code [S, N, D]} (batch first {@code [N, S, D]}) keeps its shape; {@code
   * srcMask} is {@code [S, S]} or {@code [N*Heads, S, S]} (argument 2), {@code
   * srcKeyPaddingMask} {@code [N, S]} (argument 3). Module vector {@code [D, Heads, FF,
   * BatchFirst]}.
   */
  public static ShapeResult<TensorShape> transformerEncoder(String op, TensorShape module,
      TensorShape src, TensorShape srcMask, TensorShape srcKeyPaddingMask) {
    if (module.hasVariadic()) {
      return ShapeResult.ok(src);
    }
    ShapeResult<TensorShape> r = LayerRules.transformer(op, module, src, src,
        List.of("src", "src"), 0);
    if (!r.isOk()) {
      return r;
    }
    Layout lay = new Layout(module.dim(3), module.dim(1), "D",
        List.of(new Seq("src", src, "S")));
    ShapeResult<TensorShape> m = lay.attention(op, "srcMask", srcMask, 0, 0, 2);
    if (m.isOk()) {
      m = lay.keyPadding(op, "srcKeyPaddingMask", srcKeyPaddingMask, 0, 3);
    }
    return m.isOk() ? r : m;
  }

  /**
   * {@code TransformerDecoderLayer.forward} and {@code TransformerDecoder.forward} with masks:
   * {@link LayerRules#transformer} on {@code tgt} {@code [T, N, D]} and {@code memory} {@code
   * [S, N, D]}, then {@code tgtMask} {@code [T, T]} (argument 3), {@code memoryMask} {@code [T,
   * S]} (4), each also {@code [N*Heads, ., .]}, {@code tgtKeyPaddingMask} {@code [N, T]} (5) and
   * {@code memoryKeyPaddingMask} {@code [N, S]} (6).
   */
  public static ShapeResult<TensorShape> transformerDecoder(String op, TensorShape module,
      TensorShape tgt, TensorShape memory, TensorShape tgtMask, TensorShape memoryMask,
      TensorShape tgtKeyPaddingMask, TensorShape memoryKeyPaddingMask) {
    ShapeResult<TensorShape> r = LayerRules.transformer(op, module, tgt, memory,
        List.of("tgt", "memory"), 0);
    if (!r.isOk() || module.hasVariadic()) {
      return r;
    }
    Layout lay = new Layout(module.dim(3), module.dim(1), "D",
        List.of(new Seq("tgt", tgt, "T"), new Seq("memory", memory, "S")));
    ShapeResult<TensorShape> m = lay.attention(op, "tgtMask", tgtMask, 0, 0, 3);
    if (m.isOk()) {
      m = lay.attention(op, "memoryMask", memoryMask, 0, 1, 4);
    }
    if (m.isOk()) {
      m = lay.keyPadding(op, "tgtKeyPaddingMask", tgtKeyPaddingMask, 0, 5);
    }
    if (m.isOk()) {
      m = lay.keyPadding(op, "memoryKeyPaddingMask", memoryKeyPaddingMask, 1, 6);
    }
    return m.isOk() ? r : m;
  }

  /**
   * {@code Transformer.forward} with masks: {@link LayerRules#transformer} on {@code src}
   * {@code [S, N, D]} and {@code tgt} {@code [T, N, D]}, then {@code srcMask} {@code [S, S]}
   * (argument 3), {@code tgtMask} {@code [T, T]} (4), {@code memoryMask} {@code [T, S]} (5),
   * each also {@code [N*Heads, ., .]}, {@code srcKeyPaddingMask} {@code [N, S]} (6), {@code
   * tgtKeyPaddingMask} {@code [N, T]} (7) and {@code memoryKeyPaddingMask} {@code [N, S]} (8).
   */
  public static ShapeResult<TensorShape> transformer(String op, TensorShape module,
      TensorShape src, TensorShape tgt, List<TensorShape> masks) {
    ShapeResult<TensorShape> r = LayerRules.transformer(op, module, src, tgt,
        List.of("src", "tgt"), 1);
    if (!r.isOk() || module.hasVariadic()) {
      return r;
    }
    Layout lay = new Layout(module.dim(3), module.dim(1), "D",
        List.of(new Seq("src", src, "S"), new Seq("tgt", tgt, "T")));
    ShapeResult<TensorShape> m = lay.attention(op, "srcMask", masks.get(0), 0, 0, 3);
    if (m.isOk()) {
      m = lay.attention(op, "tgtMask", masks.get(1), 1, 1, 4);
    }
    if (m.isOk()) {
      m = lay.attention(op, "memoryMask", masks.get(2), 1, 0, 5);
    }
    if (m.isOk()) {
      m = lay.keyPadding(op, "srcKeyPaddingMask", masks.get(3), 0, 6);
    }
    if (m.isOk()) {
      m = lay.keyPadding(op, "tgtKeyPaddingMask", masks.get(4), 1, 7);
    }
    if (m.isOk()) {
      m = lay.keyPadding(op, "memoryKeyPaddingMask", masks.get(5), 0, 8);
    }
    return m.isOk() ? r : m;
  }

  /**
   * {@code scaledDotProductAttention(query, key, value, attnMask)}: query {@code [*b, L, E]},
   * key {@code [*b, S, E]}, value {@code [*b, S, Ev]} give {@code [*b, L, Ev]} (the signature's
   * unification), and {@code attnMask} (argument 3, null when absent) must broadcast to the
   * scores {@code [*b, L, S]} without growing them.
   */
  public static ShapeResult<TensorShape> scaledDotProductAttention(String op, TensorShape query,
      TensorShape key, TensorShape value, TensorShape attnMask) {
    ShapeResult<Bindings> b = Unifier.unifyAll(op, SDPA_NAMES, SDPA_PATTERNS,
        List.of(query, key, value), Bindings.empty());
    if (!b.isOk()) {
      return RuleSupport.failed(b);
    }
    TensorShape out = b.value().instantiate(SDPA_RESULT);
    if (attnMask == null || attnMask.hasVariadic() || query.hasVariadic()
        || key.hasVariadic()) {
      return ShapeResult.ok(out);
    }
    List<DimExpr> scores = new ArrayList<>(query.dims().subList(0, query.rank() - 1));
    scores.add(key.dim(key.rank() - 2));
    TensorShape s = TensorShape.of(scores);
    int mr = attnMask.rank();
    boolean ok = mr <= s.rank();
    for (int i = 1; ok && i <= mr; i++) {
      DimExpr m = attnMask.dim(mr - i);
      DimExpr d = s.dim(s.rank() - i);
      ok = RuleSupport.is(m, 1) || !RuleSupport.differ(m, d);
    }
    if (!ok) {
      return RuleSupport.fail(MessageKeys.MISMATCH_MASK, op, "attnMask " + attnMask
          + " does not broadcast to the scores [*b, L, S] = " + s + " (query " + query
          + ", key " + key + "); build it as [L, S] = [" + query.dim(query.rank() - 2) + ", "
          + key.dim(key.rank() - 2) + "], or with the batch dims of the scores (1 to"
          + " broadcast)", 3, -1);
    }
    return ShapeResult.ok(out);
  }

  private static final List<String> SDPA_NAMES = List.of("query", "key", "value");
  private static final List<TensorShape> SDPA_PATTERNS = List.of(
      ShapeParser.parseShape(new String[] {"*b", "L", "E"}),
      ShapeParser.parseShape(new String[] {"*b", "S", "E"}),
      ShapeParser.parseShape(new String[] {"*b", "S", "Ev"}));
  private static final TensorShape SDPA_RESULT =
      ShapeParser.parseShape(new String[] {"*b", "L", "Ev"});

  /** A sequence a mask is read against: its name, shape and the letter of its length. */
  private record Seq(String name, TensorShape shape, String letter) {}

  /** The layer's layout and its sequences, for the masks' expected shapes and messages. */
  private static final class Layout {
    final DimExpr batchFirst;
    final DimExpr heads;
    final String feature;
    final List<Seq> seqs;

    Layout(DimExpr batchFirst, DimExpr heads, String feature, List<Seq> seqs) {
      this.batchFirst = batchFirst;
      this.heads = heads;
      this.feature = feature;
      this.seqs = seqs;
    }

    /** True where the layout is known and every sequence is a 3-D shape. */
    boolean known() {
      if (!batchFirst.isConstant()) {
        return false;
      }
      for (Seq s : seqs) {
        if (s.shape.hasVariadic() || s.shape.rank() != 3) {
          return false;
        }
      }
      return true;
    }

    boolean first() {
      return RuleSupport.is(batchFirst, 1);
    }

    DimExpr length(int seq) {
      return seqs.get(seq).shape.dim(first() ? 1 : 0);
    }

    DimExpr batch() {
      return seqs.get(0).shape.dim(first() ? 0 : 1);
    }

    /** "sequence-first ([L, N, E]: query [3, 4, 8], key [10, 4, 8])". */
    String describe() {
      StringBuilder b = new StringBuilder(first() ? "batch-first (" : "sequence-first (");
      for (int i = 0; i < seqs.size(); i++) {
        Seq s = seqs.get(i);
        String pattern = first() ? "[N, " + s.letter + ", " + feature + "]"
            : "[" + s.letter + ", N, " + feature + "]";
        b.append(i == 0 ? "" : ", ").append(s.name).append(' ').append(pattern).append(" = ")
            .append(s.shape);
      }
      return b.append(')').toString();
    }

    String otherLayout() {
      return "construct the layer with batchFirst = " + !first();
    }

    /** A key padding mask over the keys of sequence {@code seq}: {@code [N, S]}. */
    ShapeResult<TensorShape> keyPadding(String op, String name, TensorShape mask, int seq,
        int argument) {
      if (mask == null || mask.hasVariadic()) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      String s = seqs.get(seq).letter;
      if (mask.rank() != 2) {
        return RuleSupport.fail(MessageKeys.MISMATCH_MASK, op, name + " must be 2-D, a key"
            + " padding mask [N, " + s + "], found " + mask, argument, -1);
      }
      if (!known()) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      DimExpr n = batch();
      DimExpr len = length(seq);
      if (!RuleSupport.differ(mask.dim(0), n) && !RuleSupport.differ(mask.dim(1), len)) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      boolean swapped = mask.dim(0).equals(len) && mask.dim(1).equals(n);
      return RuleSupport.fail(MessageKeys.MISMATCH_MASK, op, name + ": the layer is "
          + describe() + "; a key padding mask is [N, " + s + "] = [" + n + ", " + len
          + "], found " + mask + (swapped ? "; transpose the mask or " + otherLayout()
              : "; pass one entry per batch element and key (true: ignore that key)"),
          argument, -1);
    }

    /**
     * An attention mask of queries of sequence {@code q} over keys of sequence {@code k}:
     * {@code [L, S]} or {@code [N*Heads, L, S]}.
     */
    ShapeResult<TensorShape> attention(String op, String name, TensorShape mask, int q, int k,
        int argument) {
      if (mask == null || mask.hasVariadic()) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      String l = seqs.get(q).letter;
      String s = seqs.get(k).letter;
      if (mask.rank() != 2 && mask.rank() != 3) {
        return RuleSupport.fail(MessageKeys.MISMATCH_MASK, op, name + " must be 2-D [" + l
            + ", " + s + "] or 3-D [N*Heads, " + l + ", " + s + "], found " + mask, argument,
            -1);
      }
      if (!known()) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      DimExpr len = length(q);
      DimExpr keys = length(k);
      DimExpr perHead = batch().times(heads);
      int r = mask.rank();
      boolean ok = !RuleSupport.differ(mask.dim(r - 2), len)
          && !RuleSupport.differ(mask.dim(r - 1), keys)
          && (r == 2 || !RuleSupport.differ(mask.dim(0), perHead));
      if (ok) {
        return ShapeResult.ok(TensorShape.unknownRank());
      }
      String hint = r == 2 && mask.dim(0).equals(keys) && mask.dim(1).equals(len)
          ? "transpose the mask" : r == 3 && mask.dim(0).equals(batch())
              ? "repeat it for each head (N*Heads = " + perHead + " rows, batch-major)"
              : "build it for " + l + " = " + len + " queries and " + s + " = " + keys
                  + " keys as this layout reads them, or " + otherLayout()
                  + " if the data is laid out that way";
      return RuleSupport.fail(MessageKeys.MISMATCH_MASK, op, name + ": the layer is "
          + describe() + "; an attention mask is [" + l + ", " + s + "] = [" + len + ", "
          + keys + "] or [N*Heads, " + l + ", " + s + "] = [" + perHead + ", " + len + ", "
          + keys + "], found " + mask + "; " + hint, argument, -1);
    }
  }

  // The rules' inputs (Rule#apply): an absent mask is null.

  /** {@link Rule#MULTIHEAD_ATTENTION_MASKS}' inputs. */
  static ShapeResult<TensorShape> multiheadAttention(RuleArgs a) {
    return multiheadAttention(a.op, a.tensor(0), a.tensor(1), a.tensor(2), a.tensor(3),
        a.optionalTensor(4), a.optionalTensor(5));
  }

  /** {@link Rule#TRANSFORMER_ENCODER_MASKS}' inputs. */
  static ShapeResult<TensorShape> transformerEncoder(RuleArgs a) {
    return transformerEncoder(a.op, a.tensor(0), a.tensor(1), a.optionalTensor(2),
        a.optionalTensor(3));
  }

  /** {@link Rule#TRANSFORMER_DECODER_MASKS}' inputs. */
  static ShapeResult<TensorShape> transformerDecoder(RuleArgs a) {
    return transformerDecoder(a.op, a.tensor(0), a.tensor(1), a.tensor(2),
        a.optionalTensor(3), a.optionalTensor(4), a.optionalTensor(5), a.optionalTensor(6));
  }

  /** {@link Rule#TRANSFORMER_MASKS}' inputs. */
  static ShapeResult<TensorShape> transformer(RuleArgs a) {
    List<TensorShape> masks = new ArrayList<>(6);
    for (int i = 3; i < 9; i++) {
      masks.add(a.optionalTensor(i));
    }
    return transformer(a.op, a.tensor(0), a.tensor(1), a.tensor(2), masks);
  }

  /** {@link Rule#SCALED_DOT_PRODUCT_ATTENTION}'s inputs. */
  static ShapeResult<TensorShape> scaledDotProductAttention(RuleArgs a) {
    return scaledDotProductAttention(a.op, a.tensor(0), a.tensor(1), a.tensor(2),
        a.optionalTensor(3));
  }
}

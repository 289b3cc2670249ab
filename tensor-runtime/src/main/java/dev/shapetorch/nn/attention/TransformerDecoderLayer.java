package dev.shapetorch.nn.attention;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.Printing;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;

/**
 * One Transformer decoder layer, self-attention over the target, attention from the target to
 * the encoder's output ({@code memory}) and a feed-forward block, each with a residual
 * connection and layer norm: PyTorch's {@code nn.TransformerDecoderLayer}.
 *
 * <p>Type: {@code @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerDecoderLayer}: model
 * size, attention heads, feed-forward size, layout flag (0: {@code [L, N, D]}, 1: {@code [N,
 * L, D]}); by name, {@link Spec}.
 *
 * <p>Shape: tgt {@code [T, N, D]} with memory {@code [S, N, D]} {@code -> [T, N, D]} (batch
 * first: {@code [N, T, D]}, {@code [N, S, D]} {@code -> [N, T, D]}), {@link
 * Rule#TRANSFORMER_DECODER}. Masks: {@code tgtMask} {@code [T, T]}, {@code memoryMask} {@code
 * [T, S]} (or {@code [N*Heads, T, T]}, {@code [N*Heads, T, S]}), boolean (true: not allowed)
 * or floating (added to the scores); key padding masks boolean {@code [N, T]} and {@code [N,
 * S]} (true: padding).
 *
 * <p>Submodules, named as in PyTorch: {@code self_attn} and {@code multihead_attn} ({@link
 * MultiheadAttention}), {@code linear1} {@code [FF, D]}, {@code dropout}, {@code linear2}
 * {@code [D, FF]}, {@code norm1}, {@code norm2}, {@code norm3}, {@code dropout1}, {@code
 * dropout2}, {@code dropout3}.
 */
public final class TransformerDecoderLayer extends AbstractModule {
  private static final String OP = "TransformerDecoderLayer.forward";
  private static final ForwardContract FORWARD =
      Guard.forward(TransformerDecoderLayer.class, "tgt", "memory");
  /** The forward with masks: {@link Rule#TRANSFORMER_DECODER_MASKS}, absent masks allowed. */
  private static final ForwardContract MASKED = Guard.forward(TransformerDecoderLayer.class, "tgt",
      "memory", "tgtMask", "memoryMask", "tgtKeyPaddingMask", "memoryKeyPaddingMask");

  private final Spec spec;
  private final MultiheadAttention selfAttn;
  private final MultiheadAttention multiheadAttn;
  private final Linear linear1;
  private final Dropout dropout;
  private final Linear linear2;
  private final LayerNorm norm1;
  private final LayerNorm norm2;
  private final LayerNorm norm3;
  private final Dropout dropout1;
  private final Dropout dropout2;
  private final Dropout dropout3;

  /**
   * A decoder layer's hyperparameters by name, as its constructor takes them; the type's vector
   * is {@link #typeVector()}.
   *
   * @param dModel the model size {@code D}, divisible by {@code nhead}
   * @param nhead the attention heads {@code Heads}
   * @param dimFeedforward the feed-forward block's hidden size {@code FF}
   * @param dropout the dropout probability everywhere, in {@code [0, 1]}; not part of the type
   * @param activation {@code "relu"} or {@code "gelu"}; not part of the type
   * @param layerNormEps the layer norms' eps; not part of the type
   * @param batchFirst {@code BatchFirst}: true (1 in the type) for {@code [N, L, D]}, false (0)
   *     for {@code [L, N, D]}
   * @param normFirst true to normalise before each block (pre-norm); not part of the type
   */
  public record Spec(long dModel, long nhead, long dimFeedforward, double dropout,
      String activation, double layerNormEps, boolean batchFirst, boolean normFirst) {
    /**
     * Checks the hyperparameters, under this layer's parameter names (before the sublayers
     * check theirs).
     *
     * @throws IllegalArgumentException if a size is not positive, {@code nhead} does not divide
     *     {@code dModel}, {@code dropout} is not in [0, 1], or {@code activation} is neither
     *     {@code "relu"} nor {@code "gelu"}
     */
    public Spec {
      checkSpec("TransformerDecoderLayer", dModel, nhead, dimFeedforward, dropout, activation);
    }

    /**
     * The type's vector, {@code [D, Heads, FF, BatchFirst]}: what {@link
     * TransformerDecoderLayer#forward(Tensor, Tensor)} is checked with.
     */
    public long[] typeVector() {
      return new long[] {dModel, nhead, dimFeedforward, batchFirst ? 1 : 0};
    }
  }

  static void checkSpec(String layer, long dModel, long nhead, long dimFeedforward,
      double dropout, String activation) {
    Checks.positive(layer, "dModel", dModel);
    Checks.positive(layer, "nhead", nhead);
    Checks.positive(layer, "dimFeedforward", dimFeedforward);
    if (dModel % nhead != 0) {
      throw new IllegalArgumentException(
          layer + ": dModel (" + dModel + ") must be divisible by nhead (" + nhead + ")");
    }
    Checks.probability(layer, dropout);
    if (!"relu".equals(activation) && !"gelu".equals(activation)) {
      throw new IllegalArgumentException(layer + ": activation must be \"relu\""
          + " or \"gelu\", got \"" + activation + "\"");
    }
  }

  /**
   * PyTorch's defaults, as {@code nn.TransformerDecoderLayer(dModel, nhead)}: a feed-forward size
   * of 2048, dropout 0.1, ReLU, eps 1e-5, post-norm, sequence-first.
   */
  public @Shape({"dModel", "nhead", "2048", "0"}) TransformerDecoderLayer(
      @Dim long dModel, @Dim long nhead) {
    this(dModel, nhead, TransformerEncoderLayer.DEFAULT_DIM_FEEDFORWARD);
  }

  /**
   * PyTorch's defaults apart from sizes, as {@code nn.TransformerDecoderLayer(dModel, nhead,
   * dimFeedforward)}: dropout 0.1, ReLU, eps 1e-5, post-norm, sequence-first.
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "0"}) TransformerDecoderLayer(
      @Dim long dModel, @Dim long nhead, @Dim long dimFeedforward) {
    this(dModel, nhead, dimFeedforward, 0.1);
  }

  /**
   * As {@code nn.TransformerDecoderLayer(dModel, nhead, dimFeedforward, dropout)}: ReLU, eps
   * 1e-5, post-norm, sequence-first.
   *
   * @param dropout the dropout probability everywhere
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "0"}) TransformerDecoderLayer(
      @Dim long dModel, @Dim long nhead, @Dim long dimFeedforward, double dropout) {
    this(dModel, nhead, dimFeedforward, dropout, "relu", 1e-5, false, false);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @param dropout the dropout probability everywhere
   * @param activation {@code "relu"} or {@code "gelu"}
   * @param layerNormEps the layer norms' eps
   * @param batchFirst true for {@code [N, L, D]}, false for {@code [L, N, D]}; a constant is
   *     the type's {@code BatchFirst} (1 or 0)
   * @param normFirst true to normalise before each block (pre-norm)
   * @throws IllegalArgumentException as {@link Spec}'s constructor
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "batchFirst"}) TransformerDecoderLayer(
      @Dim long dModel, @Dim long nhead, @Dim long dimFeedforward, double dropout,
      String activation, double layerNormEps, @Dim boolean batchFirst, boolean normFirst) {
    this.spec = new Spec(dModel, nhead, dimFeedforward, dropout, activation, layerNormEps,
        batchFirst, normFirst);
    LayerMemory.require("TransformerDecoderLayer", "a layer of dModel " + dModel
        + ", dimFeedforward " + dimFeedforward,
        () -> LayerMemory.elements(1, dModel, dimFeedforward, 2, 3));
    this.selfAttn = new MultiheadAttention(dModel, nhead, dropout, batchFirst);
    this.multiheadAttn = new MultiheadAttention(dModel, nhead, dropout, batchFirst);
    this.linear1 = new Linear(dModel, dimFeedforward);
    this.dropout = new Dropout(dropout);
    this.linear2 = new Linear(dimFeedforward, dModel);
    this.norm1 = new LayerNorm(new long[] {dModel}, layerNormEps, true);
    this.norm2 = new LayerNorm(new long[] {dModel}, layerNormEps, true);
    this.norm3 = new LayerNorm(new long[] {dModel}, layerNormEps, true);
    this.dropout1 = new Dropout(dropout);
    this.dropout2 = new Dropout(dropout);
    this.dropout3 = new Dropout(dropout);
  }

  /** A layer of {@code spec}'s hyperparameters. */
  TransformerDecoderLayer(Spec spec) {
    this(spec.dModel, spec.nhead, spec.dimFeedforward, spec.dropout, spec.activation,
        spec.layerNormEps, spec.batchFirst, spec.normFirst);
  }

  /**
   * Decodes {@code tgt} attending to {@code memory}, without masks.
   *
   * <p>Shape: tgt {@code [T, N, D]} with memory {@code [S, N, D]} {@code -> [T, N, D]} (batch
   * first: {@code [N, T, D]}, {@code [N, S, D]} {@code -> [N, T, D]}), {@link
   * Rule#TRANSFORMER_DECODER}.
   *
   * @throws ShapeException if an input is not 3-D, does not end in {@code D}, or the batch
   *     sizes differ
   */
  @ShapeRule(value = Rule.TRANSFORMER_DECODER, args = {"this", "tgt", "memory"})
  public Tensor forward(Tensor tgt, Tensor memory) {
    return forward(tgt, memory, null, null, null, null);
  }

  /**
   * Decodes with optional masks (null for none), as PyTorch's {@code forward(tgt, memory,
   * tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}.
   *
   * <p>Shape: as {@link #forward(Tensor, Tensor)}; the masks as below, {@code T}, {@code S} and
   * {@code N} read in the layout ({@link Rule#TRANSFORMER_DECODER_MASKS}, at compile time and at
   * run time).
   *
   * @param tgtMask {@code [T, T]} or {@code [N*Heads, T, T]}, null for none: boolean (true: not
   *     allowed) or floating (added to the scores), e.g. {@link
   *     Transformer#generateSquareSubsequentMask}
   * @param memoryMask {@code [T, S]} or {@code [N*Heads, T, S]}, as {@code tgtMask}
   * @param tgtKeyPaddingMask {@code [N, T]}, null for none: boolean (true marks padding in
   *     {@code tgt}) or floating (added to the scores)
   * @param memoryKeyPaddingMask {@code [N, S]}, as {@code tgtKeyPaddingMask}, for {@code memory}
   * @throws ShapeException as {@link #forward(Tensor, Tensor)}, or for a mask of another shape
   *     ({@code [shape.mismatch.mask]})
   * @throws IllegalArgumentException for a mask neither boolean nor floating
   */
  @ShapeRule(value = Rule.TRANSFORMER_DECODER_MASKS, args = {"this", "tgt", "memory", "tgtMask",
      "memoryMask", "tgtKeyPaddingMask", "memoryKeyPaddingMask"})
  public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask,
      Tensor tgtKeyPaddingMask, Tensor memoryKeyPaddingMask) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2), (Tensor) a.get(3),
            (Tensor) a.get(4), (Tensor) a.get(5)),
        tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
  }

  private Tensor forwardBody(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask,
      Tensor tgtKeyPaddingMask, Tensor memoryKeyPaddingMask) {
    FORWARD.check(spec.typeVector(), tgt, memory);
    MASKED.checkAllowingAbsent(spec.typeVector(), tgt, memory, tgtMask, memoryMask,
        tgtKeyPaddingMask, memoryKeyPaddingMask);
    checkMasks(OP, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
    Tensor x = tgt;
    if (spec.normFirst) {
      x = x.add(selfAttention(norm1.forward(x), tgtMask, tgtKeyPaddingMask));
      x = x.add(crossAttention(norm2.forward(x), memory, memoryMask, memoryKeyPaddingMask));
      return x.add(feedForward(norm3.forward(x)));
    }
    x = norm1.forward(x.add(selfAttention(x, tgtMask, tgtKeyPaddingMask)));
    x = norm2.forward(x.add(crossAttention(x, memory, memoryMask, memoryKeyPaddingMask)));
    return norm3.forward(x.add(feedForward(x)));
  }

  /** The decoder's masks' dtypes, under {@code op} (their shapes are the rule's). */
  static void checkMasks(String op, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
      Tensor memoryKeyPaddingMask) {
    TransformerChecks.attnMaskDType(op, "tgtMask", tgtMask);
    TransformerChecks.attnMaskDType(op, "memoryMask", memoryMask);
    TransformerChecks.paddingMaskDType(op, "tgtKeyPaddingMask", tgtKeyPaddingMask);
    TransformerChecks.paddingMaskDType(op, "memoryKeyPaddingMask", memoryKeyPaddingMask);
  }

  private Tensor selfAttention(Tensor x, Tensor mask, Tensor keyPaddingMask) {
    return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, mask));
  }

  private Tensor crossAttention(Tensor x, Tensor memory, Tensor mask, Tensor keyPaddingMask) {
    return dropout2.forward(multiheadAttn.forward(x, memory, memory, keyPaddingMask, mask));
  }

  private Tensor feedForward(Tensor x) {
    Tensor h = linear1.forward(x);
    h = spec.activation.equals("gelu") ? F.gelu(h) : F.relu(h);
    return dropout3.forward(linear2.forward(dropout.forward(h)));
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.module("self_attn", selfAttn);
    visitor.module("multihead_attn", multiheadAttn);
    visitor.module("linear1", linear1);
    visitor.module("dropout", dropout);
    visitor.module("linear2", linear2);
    visitor.module("norm1", norm1);
    visitor.module("norm2", norm2);
    visitor.module("norm3", norm3);
    visitor.module("dropout1", dropout1);
    visitor.module("dropout2", dropout2);
    visitor.module("dropout3", dropout3);
  }

  @Override
  public String toString() {
    return Printing.container("TransformerDecoderLayer", namedChildren());
  }
}

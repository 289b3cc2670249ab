package dev.shapetorch.nn.attention;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
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
import dev.shapetorch.tensor.Tensor;

/**
 * One Transformer encoder layer, self-attention then a feed-forward block, each with a residual
 * connection and layer norm: PyTorch's {@code nn.TransformerEncoderLayer}.
 *
 * <p>Type: {@code @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerEncoderLayer}: model
 * size, attention heads, feed-forward size, layout flag (0: {@code [L, N, D]}, 1: {@code [N,
 * L, D]}); by name, {@link Spec}.
 *
 * <p>Shape: {@code [L, N, D] -> [L, N, D]} (batch first: {@code [N, L, D] -> [N, L, D]}).
 *
 * <p>Submodules, named as in PyTorch: {@code self_attn} ({@link MultiheadAttention}), {@code
 * linear1} {@code [FF, D]}, {@code dropout}, {@code linear2} {@code [D, FF]}, {@code norm1},
 * {@code norm2}, {@code dropout1}, {@code dropout2}.
 */
public final class TransformerEncoderLayer extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD =
      Guard.forward(TransformerEncoderLayer.class, "src");
  /** The forward with masks: {@link Rule#TRANSFORMER_ENCODER_MASKS}, absent masks allowed. */
  private static final ForwardContract MASKED = Guard.forward(TransformerEncoderLayer.class,
      "src", "srcMask", "srcKeyPaddingMask");

  private final Spec spec;
  private final MultiheadAttention selfAttn;
  private final Linear linear1;
  private final Dropout dropout;
  private final Linear linear2;
  private final LayerNorm norm1;
  private final LayerNorm norm2;
  private final Dropout dropout1;
  private final Dropout dropout2;

  /**
   * An encoder layer's hyperparameters by name, as its constructor takes them; the type's vector
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
   * @param normFirst true to normalise before attention and feed-forward (pre-norm); not part
   *     of the type
   */
  public record Spec(long dModel, long nhead, long dimFeedforward, double dropout,
      String activation, double layerNormEps, boolean batchFirst, boolean normFirst) {
    /**
     * Checks the hyperparameters, under this layer's parameter names (before the sublayers
     * check theirs).
     *
     * @throws IllegalArgumentException if a size is not positive, {@code nhead} does not divide
     *     {@code dModel}, {@code dropout} is not in [0, 1], or
     *     {@code activation} is neither {@code "relu"} nor {@code "gelu"}
     */
    public Spec {
      String layer = "TransformerEncoderLayer";
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
     * The type's vector, {@code [D, Heads, FF, BatchFirst]}: what {@link
     * TransformerEncoderLayer#forward(Tensor)} is checked with.
     */
    public long[] typeVector() {
      return new long[] {dModel, nhead, dimFeedforward, batchFirst ? 1 : 0};
    }
  }

  /** PyTorch's feed-forward size when not given, {@code dim_feedforward=2048}. */
  public static final long DEFAULT_DIM_FEEDFORWARD = 2048;

  /**
   * PyTorch's defaults, as {@code nn.TransformerEncoderLayer(dModel, nhead)}: a feed-forward size
   * of {@value #DEFAULT_DIM_FEEDFORWARD}, dropout 0.1, ReLU, eps 1e-5, post-norm, sequence-first.
   */
  public @Shape({"dModel", "nhead", "2048", "0"}) TransformerEncoderLayer(
      @Dim long dModel, @Dim long nhead) {
    this(dModel, nhead, DEFAULT_DIM_FEEDFORWARD);
  }

  /**
   * PyTorch's defaults apart from sizes, as {@code nn.TransformerEncoderLayer(dModel, nhead,
   * dimFeedforward)}: dropout 0.1, ReLU, eps 1e-5, post-norm, sequence-first.
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "0"}) TransformerEncoderLayer(
      @Dim long dModel, @Dim long nhead, @Dim long dimFeedforward) {
    this(dModel, nhead, dimFeedforward, 0.1);
  }

  /**
   * As {@code nn.TransformerEncoderLayer(dModel, nhead, dimFeedforward, dropout)}: ReLU, eps
   * 1e-5, post-norm, sequence-first.
   *
   * @param dropout the dropout probability everywhere
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "0"}) TransformerEncoderLayer(
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
   * @param normFirst true to normalise before attention and feed-forward (pre-norm)
   * @throws IllegalArgumentException as {@link Spec}'s constructor
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "batchFirst"}) TransformerEncoderLayer(
      @Dim long dModel, @Dim long nhead, @Dim long dimFeedforward, double dropout,
      String activation, double layerNormEps, @Dim boolean batchFirst, boolean normFirst) {
    this.spec = new Spec(dModel, nhead, dimFeedforward, dropout, activation, layerNormEps,
        batchFirst, normFirst);
    LayerMemory.require("TransformerEncoderLayer", "a layer of dModel " + dModel
        + ", dimFeedforward " + dimFeedforward,
        () -> LayerMemory.elements(1, dModel, dimFeedforward, 1, 2));
    this.selfAttn = new MultiheadAttention(dModel, nhead, dropout, batchFirst);
    this.linear1 = new Linear(dModel, dimFeedforward);
    this.dropout = new Dropout(dropout);
    this.linear2 = new Linear(dimFeedforward, dModel);
    this.norm1 = new LayerNorm(new long[] {dModel}, layerNormEps, true);
    this.norm2 = new LayerNorm(new long[] {dModel}, layerNormEps, true);
    this.dropout1 = new Dropout(dropout);
    this.dropout2 = new Dropout(dropout);
  }

  /** A layer of {@code spec}'s hyperparameters. */
  TransformerEncoderLayer(Spec spec) {
    this(spec.dModel, spec.nhead, spec.dimFeedforward, spec.dropout, spec.activation,
        spec.layerNormEps, spec.batchFirst, spec.normFirst);
  }

  /**
   * Encodes without masks.
   *
   * <p>Shape: {@code [A, B, D] -> [A, B, D]}.
   */
  @Override
  public @Shape({"A", "B", "D"}) Tensor forward(
      @Shape({"D", "H", "FF", "F"}) TransformerEncoderLayer this,
      @Shape({"A", "B", "D"}) Tensor src) {
    return forward(src, null, null);
  }

  /**
   * Encodes with optional masks (null for none), as in {@link
   * MultiheadAttention#forwardWithWeights}.
   *
   * <p>Shape: {@code [S, N, D] -> [S, N, D]} (batch first {@code [N, S, D]}); {@code srcMask}
   * {@code [S, S]} or {@code [N*Heads, S, S]}, {@code srcKeyPaddingMask} {@code [N, S]}, read in
   * the layer's layout ({@link Rule#TRANSFORMER_ENCODER_MASKS}, at compile time and at run
   * time).
   *
   * @param srcMask {@code [S, S]} or {@code [N*Heads, S, S]}, null for none: boolean (true: not
   *     allowed) or floating (added to the scores)
   * @param srcKeyPaddingMask {@code [N, S]}, null for none: boolean (true marks padding) or
   *     floating (added to the scores)
   * @throws dev.shapetorch.tensor.ShapeException if {@code src} does not fit the layer, or a
   *     mask has another shape ({@code [shape.mismatch.mask]})
   * @throws IllegalArgumentException for a mask neither boolean nor floating
   */
  @ShapeRule(value = Rule.TRANSFORMER_ENCODER_MASKS,
      args = {"this", "src", "srcMask", "srcKeyPaddingMask"})
  public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        src, srcMask, srcKeyPaddingMask);
  }

  private Tensor forwardBody(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
    FORWARD.check(spec.typeVector(), src);
    MASKED.checkAllowingAbsent(spec.typeVector(), src, srcMask, srcKeyPaddingMask);
    checkMasks("TransformerEncoderLayer.forward", srcMask, srcKeyPaddingMask);
    Tensor x = src;
    if (spec.normFirst) {
      x = x.add(selfAttention(norm1.forward(x), srcMask, srcKeyPaddingMask));
      return x.add(feedForward(norm2.forward(x)));
    }
    x = norm1.forward(x.add(selfAttention(x, srcMask, srcKeyPaddingMask)));
    return norm2.forward(x.add(feedForward(x)));
  }

  /** The encoder's masks' dtypes, under {@code op} (their shapes are the rule's). */
  static void checkMasks(String op, Tensor srcMask, Tensor srcKeyPaddingMask) {
    TransformerChecks.attnMaskDType(op, "srcMask", srcMask);
    TransformerChecks.paddingMaskDType(op, "srcKeyPaddingMask", srcKeyPaddingMask);
  }

  private Tensor selfAttention(Tensor x, Tensor mask, Tensor keyPaddingMask) {
    return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, mask));
  }

  private Tensor feedForward(Tensor x) {
    Tensor h = linear1.forward(x);
    h = spec.activation.equals("gelu") ? F.gelu(h) : F.relu(h);
    return dropout2.forward(linear2.forward(dropout.forward(h)));
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.module("self_attn", selfAttn);
    visitor.module("linear1", linear1);
    visitor.module("dropout", dropout);
    visitor.module("linear2", linear2);
    visitor.module("norm1", norm1);
    visitor.module("norm2", norm2);
    visitor.module("dropout1", dropout1);
    visitor.module("dropout2", dropout2);
  }

  @Override
  public String toString() {
    return Printing.container("TransformerEncoderLayer", namedChildren());
  }
}

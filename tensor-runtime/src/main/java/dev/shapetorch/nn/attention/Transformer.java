package dev.shapetorch.nn.attention;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.Printing;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The encoder-decoder Transformer of "Attention Is All You Need": PyTorch's {@code
 * nn.Transformer}, a {@link TransformerEncoder} of {@code numEncoderLayers} layers and a {@link
 * TransformerDecoder} of {@code numDecoderLayers} layers, each ending in a {@link LayerNorm}.
 * As PyTorch, every parameter with more than one dim is re-initialised Xavier-uniform.
 *
 * <p>Type: {@code @Shape({"D", "Heads", "FF", "BatchFirst"}) Transformer}: model size, attention
 * heads, feed-forward size, layout flag (0: {@code [L, N, D]}, 1: {@code [N, L, D]}); by name,
 * {@link Spec}.
 *
 * <p>Shape: src {@code [S, N, D]} with tgt {@code [T, N, D]} {@code -> [T, N, D]} (batch
 * first: {@code [N, S, D]}, {@code [N, T, D]} {@code -> [N, T, D]}), {@link Rule#TRANSFORMER}.
 * Masks: {@code srcMask} {@code [S, S]}, {@code tgtMask} {@code [T, T]}, {@code memoryMask}
 * {@code [T, S]} (or one per batch entry and head, {@code [N*Heads, ., .]}), boolean (true: not
 * allowed) or floating (added to the scores); key padding masks boolean {@code [N, S]}, {@code
 * [N, T]}, {@code [N, S]} (true: padding).
 *
 * <p>Submodules, named as in PyTorch: {@code encoder} ({@code encoder.layers.0.self_attn...},
 * {@code encoder.norm}) and {@code decoder} ({@code decoder.layers.0.multihead_attn...}, {@code
 * decoder.norm}).
 */
public final class Transformer extends AbstractModule {
  private static final String OP = "Transformer.forward";
  private static final ForwardContract FORWARD =
      Guard.forward(Transformer.class, "src", "tgt");
  /** The forward with masks: {@link Rule#TRANSFORMER_MASKS}, absent masks allowed. */
  private static final ForwardContract MASKED = Guard.forward(Transformer.class, "src", "tgt",
      "srcMask", "tgtMask", "memoryMask", "srcKeyPaddingMask", "tgtKeyPaddingMask",
      "memoryKeyPaddingMask");

  private final Spec spec;
  private final TransformerEncoder encoder;
  private final TransformerDecoder decoder;

  /**
   * A Transformer's hyperparameters by name, as its constructor takes them; the type's vector
   * is {@link #typeVector()}.
   *
   * @param dModel the model size {@code D}, divisible by {@code nhead}
   * @param nhead the attention heads {@code Heads}
   * @param numEncoderLayers the encoder's layers; not part of the type
   * @param numDecoderLayers the decoder's layers; not part of the type
   * @param dimFeedforward the feed-forward blocks' hidden size {@code FF}
   * @param dropout the dropout probability everywhere, in {@code [0, 1]}; not part of the type
   * @param activation {@code "relu"} or {@code "gelu"}; not part of the type
   * @param layerNormEps the layer norms' eps; not part of the type
   * @param batchFirst {@code BatchFirst}: true (1 in the type) for {@code [N, L, D]}, false (0)
   *     for {@code [L, N, D]}
   * @param normFirst true to normalise before each block (pre-norm); not part of the type
   */
  public record Spec(long dModel, long nhead, long numEncoderLayers, long numDecoderLayers,
      long dimFeedforward, double dropout, String activation, double layerNormEps,
      boolean batchFirst, boolean normFirst) {
    /**
     * Checks the hyperparameters, under this module's parameter names.
     *
     * @throws IllegalArgumentException if a size or a layer count is not positive, {@code
     *     nhead} does not divide {@code dModel}, {@code dropout} is not in [0, 1], or {@code
     *     activation} is neither {@code "relu"} nor {@code "gelu"}
     */
    public Spec {
      TransformerDecoderLayer.checkSpec("Transformer", dModel, nhead, dimFeedforward, dropout,
          activation);
      Checks.positive("Transformer", "numEncoderLayers", numEncoderLayers);
      Checks.positive("Transformer", "numDecoderLayers", numDecoderLayers);
    }

    /**
     * The type's vector, {@code [D, Heads, FF, BatchFirst]}: what {@link
     * Transformer#forward(Tensor, Tensor)} is checked with.
     */
    public long[] typeVector() {
      return new long[] {dModel, nhead, dimFeedforward, batchFirst ? 1 : 0};
    }
  }

  /** PyTorch's model size when not given, {@code d_model=512}. */
  public static final long DEFAULT_D_MODEL = 512;
  /** PyTorch's heads when not given, {@code nhead=8}. */
  public static final long DEFAULT_NHEAD = 8;
  /** PyTorch's layer counts when not given, {@code num_encoder_layers=num_decoder_layers=6}. */
  public static final long DEFAULT_NUM_LAYERS = 6;

  /**
   * PyTorch's defaults, as {@code nn.Transformer()}: model size 512, 8 heads, 6 encoder and 6
   * decoder layers, feed-forward size 2048, dropout 0.1, ReLU, eps 1e-5, sequence-first,
   * post-norm.
   */
  public @Shape({"512", "8", "2048", "0"}) Transformer() {
    this(DEFAULT_D_MODEL, DEFAULT_NHEAD);
  }

  /**
   * As {@code nn.Transformer(dModel, nhead)}: 6 encoder and 6 decoder layers, feed-forward size
   * 2048, dropout 0.1, ReLU, eps 1e-5, sequence-first, post-norm.
   */
  public @Shape({"dModel", "nhead", "2048", "0"}) Transformer(
      @Dim long dModel, @Dim long nhead) {
    this(dModel, nhead, DEFAULT_NUM_LAYERS, DEFAULT_NUM_LAYERS);
  }

  /**
   * As {@code nn.Transformer(dModel, nhead, numEncoderLayers, numDecoderLayers)}: feed-forward
   * size 2048, dropout 0.1, ReLU, eps 1e-5, sequence-first, post-norm.
   */
  public @Shape({"dModel", "nhead", "2048", "0"}) Transformer(@Dim long dModel, @Dim long nhead,
      long numEncoderLayers, long numDecoderLayers) {
    this(dModel, nhead, numEncoderLayers, numDecoderLayers,
        TransformerEncoderLayer.DEFAULT_DIM_FEEDFORWARD);
  }

  /**
   * As {@code nn.Transformer(dModel, nhead, numEncoderLayers, numDecoderLayers,
   * dimFeedforward)}: dropout 0.1, ReLU, eps 1e-5, sequence-first, post-norm.
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "0"}) Transformer(@Dim long dModel,
      @Dim long nhead, long numEncoderLayers, long numDecoderLayers, @Dim long dimFeedforward) {
    this(dModel, nhead, numEncoderLayers, numDecoderLayers, dimFeedforward, 0.1);
  }

  /**
   * As {@code nn.Transformer(dModel, nhead, numEncoderLayers, numDecoderLayers,
   * dimFeedforward, dropout)}: ReLU, eps 1e-5, sequence-first, post-norm.
   *
   * @param dropout the dropout probability everywhere
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "0"}) Transformer(@Dim long dModel,
      @Dim long nhead, long numEncoderLayers, long numDecoderLayers, @Dim long dimFeedforward,
      double dropout) {
    this(dModel, nhead, numEncoderLayers, numDecoderLayers, dimFeedforward, dropout, "relu",
        1e-5, false, false);
  }

  /**
   * Every option, as {@link Spec} names them, in PyTorch's order (without {@code
   * custom_encoder} and {@code custom_decoder}).
   *
   * @param dropout the dropout probability everywhere
   * @param activation {@code "relu"} or {@code "gelu"}
   * @param layerNormEps the layer norms' eps
   * @param batchFirst true for {@code [N, L, D]}, false for {@code [L, N, D]}; a constant is
   *     the type's {@code BatchFirst} (1 or 0)
   * @param normFirst true to normalise before each block (pre-norm)
   * @throws IllegalArgumentException as {@link Spec}'s constructor
   */
  public @Shape({"dModel", "nhead", "dimFeedforward", "batchFirst"}) Transformer(
      @Dim long dModel, @Dim long nhead, long numEncoderLayers, long numDecoderLayers,
      @Dim long dimFeedforward, double dropout, String activation, double layerNormEps,
      @Dim boolean batchFirst, boolean normFirst) {
    this.spec = new Spec(dModel, nhead, numEncoderLayers, numDecoderLayers, dimFeedforward,
        dropout, activation, layerNormEps, batchFirst, normFirst);
    LayerMemory.require("Transformer", numEncoderLayers + " encoder and " + numDecoderLayers
        + " decoder layers of dModel " + dModel + ", dimFeedforward " + dimFeedforward,
        () -> Math.addExact(LayerMemory.elements(numEncoderLayers, dModel, dimFeedforward, 1, 2),
            LayerMemory.elements(numDecoderLayers, dModel, dimFeedforward, 2, 3)));
    TransformerEncoderLayer encoderLayer = new TransformerEncoderLayer(dModel, nhead,
        dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst);
    this.encoder = new TransformerEncoder(encoderLayer, numEncoderLayers,
        new LayerNorm(new long[] {dModel}, layerNormEps, true));
    TransformerDecoderLayer decoderLayer = new TransformerDecoderLayer(dModel, nhead,
        dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst);
    this.decoder = new TransformerDecoder(decoderLayer, numDecoderLayers,
        new LayerNorm(new long[] {dModel}, layerNormEps, true));
    // PyTorch's _reset_parameters.
    for (Parameter p : parameters()) {
      if (p.get().dim() > 1) {
        Init.xavierUniform_(p.get());
      }
    }
  }

  /**
   * Encodes {@code src} and decodes {@code tgt} attending to it, without masks.
   *
   * <p>Shape: src {@code [S, N, D]} with tgt {@code [T, N, D]} {@code -> [T, N, D]} (batch
   * first: {@code [N, S, D]}, {@code [N, T, D]} {@code -> [N, T, D]}), {@link
   * Rule#TRANSFORMER}.
   *
   * @throws ShapeException if an input is not 3-D, does not end in {@code D}, or the batch
   *     sizes differ
   */
  @ShapeRule(value = Rule.TRANSFORMER, args = {"this", "src", "tgt"})
  public Tensor forward(Tensor src, Tensor tgt) {
    return forward(src, tgt, null, null, null, null, null, null);
  }

  /**
   * Encodes and decodes with optional masks (null for none), as PyTorch's {@code forward(src,
   * tgt, src_mask, tgt_mask, memory_mask, src_key_padding_mask, tgt_key_padding_mask,
   * memory_key_padding_mask)}.
   *
   * <p>Shape: as {@link #forward(Tensor, Tensor)}; the masks as below, {@code S}, {@code T} and
   * {@code N} read in the layout ({@link Rule#TRANSFORMER_MASKS}, at compile time and at run
   * time). A padding mask is boolean (true marks padding) or floating (added to the scores).
   *
   * @param srcMask {@code [S, S]} or {@code [N*Heads, S, S]}: boolean (true: not allowed) or
   *     floating (added to the scores)
   * @param tgtMask {@code [T, T]} or {@code [N*Heads, T, T]}, as {@code srcMask}, e.g. {@link
   *     #generateSquareSubsequentMask}
   * @param memoryMask {@code [T, S]} or {@code [N*Heads, T, S]}, as {@code srcMask}
   * @param srcKeyPaddingMask {@code [N, S]}, null for none: true marks padding in {@code src}
   * @param tgtKeyPaddingMask {@code [N, T]}, null for none: true marks padding in {@code tgt}
   * @param memoryKeyPaddingMask {@code [N, S]}, null for none: true marks padding in the
   *     encoder's output (usually {@code srcKeyPaddingMask})
   * @throws ShapeException as {@link #forward(Tensor, Tensor)}, or for a mask of another shape
   *     ({@code [shape.mismatch.mask]})
   * @throws IllegalArgumentException for a mask neither boolean nor floating
   */
  @ShapeRule(value = Rule.TRANSFORMER_MASKS, args = {"this", "src", "tgt", "srcMask", "tgtMask",
      "memoryMask", "srcKeyPaddingMask", "tgtKeyPaddingMask", "memoryKeyPaddingMask"})
  public Tensor forward(Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask,
      Tensor memoryMask, Tensor srcKeyPaddingMask, Tensor tgtKeyPaddingMask,
      Tensor memoryKeyPaddingMask) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2), (Tensor) a.get(3),
            (Tensor) a.get(4), (Tensor) a.get(5), (Tensor) a.get(6), (Tensor) a.get(7)),
        src, tgt, srcMask, tgtMask, memoryMask, srcKeyPaddingMask, tgtKeyPaddingMask,
        memoryKeyPaddingMask);
  }

  private Tensor forwardBody(Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask,
      Tensor memoryMask, Tensor srcKeyPaddingMask, Tensor tgtKeyPaddingMask,
      Tensor memoryKeyPaddingMask) {
    FORWARD.check(spec.typeVector(), src, tgt);
    MASKED.checkAllowingAbsent(spec.typeVector(), src, tgt, srcMask, tgtMask, memoryMask,
        srcKeyPaddingMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
    TransformerEncoderLayer.checkMasks(OP, srcMask, srcKeyPaddingMask);
    TransformerDecoderLayer.checkMasks(OP, tgtMask, memoryMask, tgtKeyPaddingMask,
        memoryKeyPaddingMask);
    Tensor memory = encoder.forward(src, srcMask, srcKeyPaddingMask);
    return decoder.forward(tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask,
        memoryKeyPaddingMask);
  }

  /**
   * A causal mask for {@code sz} positions, as PyTorch's {@code
   * Transformer.generate_square_subsequent_mask(sz)}: float, {@code -inf} above the diagonal
   * (a later position is not allowed), 0 elsewhere.
   *
   * <p>Shape: {@code -> [sz, sz]}.
   *
   * @throws IllegalArgumentException if {@code sz} is negative
   */
  public static @Shape({"sz", "sz"}) Tensor generateSquareSubsequentMask(@Dim long sz) {
    return generateSquareSubsequentMask(sz, Device.CPU);
  }

  /**
   * {@link #generateSquareSubsequentMask(long)} on {@code device}.
   *
   * <p>Shape: {@code -> [sz, sz]}.
   *
   * @throws IllegalArgumentException if {@code sz} is negative or {@code device} is null
   */
  public static @Shape({"sz", "sz"}) Tensor generateSquareSubsequentMask(
      @Dim long sz, Device device) {
    if (sz < 0) {
      throw Arguments.invalid("Transformer.generateSquareSubsequentMask",
          "sz must be non-negative, got " + sz);
    }
    Arguments.requireNonNull(device, "device");
    return Torch.triu(Torch.full(new long[] {sz, sz}, Double.NEGATIVE_INFINITY,
        DType.FLOAT32, device), 1);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The encoder, {@code encoder} in the state dict. */
  public TransformerEncoder encoder() {
    return encoder;
  }

  /** The decoder, {@code decoder} in the state dict. */
  public TransformerDecoder decoder() {
    return decoder;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.module("encoder", encoder);
    visitor.module("decoder", decoder);
  }

  @Override
  public String toString() {
    return Printing.container("Transformer", namedChildren());
  }
}

package dev.shapetorch.nn.attention;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.containers.ModuleList;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.Printing;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@code numLayers} decoder layers, each a copy of one given layer, then an
 * optional norm: PyTorch's {@code nn.TransformerDecoder}.
 *
 * <p>As PyTorch's {@code _get_clones} (a {@code copy.deepcopy} per layer), every layer starts
 * with the given layer's parameter values and its mode, and has its own parameters: training
 * one does not change the others nor the given layer, which the stack does not hold.
 *
 * <p>Type: {@code @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerDecoder}, its layer's.
 *
 * <p>Shape: tgt {@code [T, N, D]} with memory {@code [S, N, D]} {@code -> [T, N, D]} (batch
 * first: {@code [N, T, D]}, {@code [N, S, D]} {@code -> [N, T, D]}), {@link
 * Rule#TRANSFORMER_DECODER}; masks as {@link TransformerDecoderLayer}'s.
 *
 * <p>Submodules, named as in PyTorch: {@code layers} (a {@link ModuleList}: {@code
 * layers.0.self_attn.in_proj_weight}, {@code layers.0.multihead_attn.in_proj_weight}, ...) and
 * {@code norm} when given.
 */
public final class TransformerDecoder extends AbstractModule {
  private static final String OP = "TransformerDecoder.forward";
  private static final ForwardContract FORWARD =
      Guard.forward(TransformerDecoder.class, "tgt", "memory");
  /** The forward with masks: {@link Rule#TRANSFORMER_DECODER_MASKS}, absent masks allowed. */
  private static final ForwardContract MASKED = Guard.forward(TransformerDecoder.class, "tgt",
      "memory", "tgtMask", "memoryMask", "tgtKeyPaddingMask", "memoryKeyPaddingMask");

  private final TransformerDecoderLayer.Spec spec;
  private final ModuleList<TransformerDecoderLayer> layers;
  private final UnaryModule norm;

  /**
   * {@code numLayers} copies of {@code decoderLayer}, without a final norm, as {@code
   * nn.TransformerDecoder(decoderLayer, numLayers)}.
   *
   * @throws IllegalArgumentException if {@code decoderLayer} is null or {@code numLayers} is
   *     not positive
   */
  public @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerDecoder(
      @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerDecoderLayer decoderLayer,
      long numLayers) {
    this(decoderLayer, numLayers, null);
  }

  /**
   * {@code numLayers} copies of {@code decoderLayer}, then {@code norm} (null for none), as
   * {@code nn.TransformerDecoder(decoderLayer, numLayers, norm)}; the stack holds {@code norm}
   * itself, not a copy, as PyTorch does.
   *
   * @param norm the final norm, e.g. {@code new LayerNorm(D)}, or null
   * @throws IllegalArgumentException if {@code decoderLayer} is null or {@code numLayers} is
   *     not positive
   */
  public @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerDecoder(
      @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerDecoderLayer decoderLayer,
      long numLayers, UnaryModule norm) {
    Arguments.requireNonNull(decoderLayer, "decoderLayer");
    Checks.positive("TransformerDecoder", "numLayers", numLayers);
    this.spec = decoderLayer.spec();
    LayerMemory.require("TransformerDecoder", numLayers + " layers of dModel " + spec.dModel()
        + ", dimFeedforward " + spec.dimFeedforward(),
        () -> LayerMemory.elements(numLayers, spec.dModel(), spec.dimFeedforward(), 2, 3));
    List<TransformerDecoderLayer> list = new ArrayList<>();
    for (long i = 0; i < numLayers; i++) {
      list.add(Clones.copyState(decoderLayer, new TransformerDecoderLayer(spec)));
    }
    this.layers = new ModuleList<>(list);
    this.norm = norm;
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
   * tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}: every layer gets
   * the same masks.
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
    TransformerDecoderLayer.checkMasks(OP, tgtMask, memoryMask, tgtKeyPaddingMask,
        memoryKeyPaddingMask);
    Tensor x = tgt;
    for (TransformerDecoderLayer layer : layers) {
      x = layer.forward(x, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
    }
    return norm == null ? x : norm.forward(x);
  }

  /** The stacked layers' hyperparameters, by name. */
  public TransformerDecoderLayer.Spec spec() {
    return spec;
  }

  /** The stacked layers, {@code layers} in the state dict. */
  public ModuleList<TransformerDecoderLayer> layers() {
    return layers;
  }

  /** The number of layers, PyTorch's {@code num_layers}. */
  public int numLayers() {
    return layers.size();
  }

  /** The final norm, or null. */
  public UnaryModule norm() {
    return norm;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.module("layers", layers);
    if (norm != null) {
      visitor.module("norm", norm);
    }
  }

  @Override
  public String toString() {
    return Printing.container("TransformerDecoder", namedChildren());
  }
}

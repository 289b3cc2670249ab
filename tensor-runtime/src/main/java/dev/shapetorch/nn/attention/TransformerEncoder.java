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
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@code numLayers} encoder layers, each a copy of one given layer, then an
 * optional norm: PyTorch's {@code nn.TransformerEncoder}.
 *
 * <p>As PyTorch's {@code _get_clones} (a {@code copy.deepcopy} per layer), every layer starts
 * with the given layer's parameter values and its mode, and has its own parameters: training
 * one does not change the others nor the given layer, which the stack does not hold.
 *
 * <p>Type: {@code @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerEncoder}, its layer's.
 *
 * <p>Shape: {@code [L, N, D] -> [L, N, D]} (batch first: {@code [N, L, D] -> [N, L, D]}).
 *
 * <p>Submodules, named as in PyTorch: {@code layers} (a {@link ModuleList}: {@code
 * layers.0.self_attn.in_proj_weight}, ...) and {@code norm} when given.
 *
 * <p>PyTorch 1.13 runs an inference fast path (nested tensors) when nothing needs a gradient,
 * the layers are batch-first and post-norm, and a key padding mask is given; it gives zeros at
 * padded positions. This module always takes the regular path, which gives what PyTorch gives
 * whenever gradients are recorded.
 */
public final class TransformerEncoder extends AbstractModule implements UnaryModule {
  private static final String OP = "TransformerEncoder.forward";
  private static final ForwardContract FORWARD = Guard.forward(TransformerEncoder.class, "src");
  /** The forward with masks: {@link Rule#TRANSFORMER_ENCODER_MASKS}, absent masks allowed. */
  private static final ForwardContract MASKED = Guard.forward(TransformerEncoder.class, "src",
      "mask", "srcKeyPaddingMask");

  private final TransformerEncoderLayer.Spec spec;
  private final ModuleList<TransformerEncoderLayer> layers;
  private final UnaryModule norm;

  /**
   * {@code numLayers} copies of {@code encoderLayer}, without a final norm, as {@code
   * nn.TransformerEncoder(encoderLayer, numLayers)}.
   *
   * @throws IllegalArgumentException if {@code encoderLayer} is null or {@code numLayers} is
   *     not positive
   */
  public @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerEncoder(
      @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerEncoderLayer encoderLayer,
      long numLayers) {
    this(encoderLayer, numLayers, null);
  }

  /**
   * {@code numLayers} copies of {@code encoderLayer}, then {@code norm} (null for none), as
   * {@code nn.TransformerEncoder(encoderLayer, numLayers, norm)}; the stack holds {@code norm}
   * itself, not a copy, as PyTorch does.
   *
   * @param norm the final norm, e.g. {@code new LayerNorm(D)}, or null
   * @throws IllegalArgumentException if {@code encoderLayer} is null or {@code numLayers} is
   *     not positive
   */
  public @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerEncoder(
      @Shape({"D", "Heads", "FF", "BatchFirst"}) TransformerEncoderLayer encoderLayer,
      long numLayers, UnaryModule norm) {
    Arguments.requireNonNull(encoderLayer, "encoderLayer");
    Checks.positive("TransformerEncoder", "numLayers", numLayers);
    this.spec = encoderLayer.spec();
    LayerMemory.require("TransformerEncoder", numLayers + " layers of dModel " + spec.dModel()
        + ", dimFeedforward " + spec.dimFeedforward(),
        () -> LayerMemory.elements(numLayers, spec.dModel(), spec.dimFeedforward(), 1, 2));
    List<TransformerEncoderLayer> list = new ArrayList<>();
    for (long i = 0; i < numLayers; i++) {
      list.add(Clones.copyState(encoderLayer, new TransformerEncoderLayer(spec)));
    }
    this.layers = new ModuleList<>(list);
    this.norm = norm;
  }

  /**
   * Encodes without masks.
   *
   * <p>Shape: {@code [A, B, D] -> [A, B, D]}.
   */
  @Override
  public @Shape({"A", "B", "D"}) Tensor forward(
      @Shape({"D", "H", "FF", "F"}) TransformerEncoder this,
      @Shape({"A", "B", "D"}) Tensor src) {
    return forward(src, null, null);
  }

  /**
   * Encodes with optional masks (null for none), as PyTorch's {@code forward(src, mask,
   * src_key_padding_mask)}: every layer gets the same masks.
   *
   * <p>Shape: {@code [S, N, D] -> [S, N, D]} (batch first {@code [N, S, D]}); {@code mask}
   * {@code [S, S]} or {@code [N*Heads, S, S]} (a message calls it {@code srcMask}, as the layers
   * do), {@code srcKeyPaddingMask} {@code [N, S]}, read in the stack's layout ({@link
   * Rule#TRANSFORMER_ENCODER_MASKS}, at compile time and at run time).
   *
   * @param mask {@code [S, S]} or {@code [N*Heads, S, S]}, null for none: boolean (true: not
   *     allowed) or floating (added to the scores)
   * @param srcKeyPaddingMask {@code [N, S]}, null for none: boolean (true marks padding) or
   *     floating (added to the scores)
   * @throws dev.shapetorch.tensor.ShapeException if {@code src} does not fit the stack, or a
   *     mask has another shape ({@code [shape.mismatch.mask]})
   * @throws IllegalArgumentException for a mask neither boolean nor floating
   */
  @ShapeRule(value = Rule.TRANSFORMER_ENCODER_MASKS,
      args = {"this", "src", "mask", "srcKeyPaddingMask"})
  public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        src, mask, srcKeyPaddingMask);
  }

  private Tensor forwardBody(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
    FORWARD.check(spec.typeVector(), src);
    MASKED.checkAllowingAbsent(spec.typeVector(), src, mask, srcKeyPaddingMask);
    TransformerEncoderLayer.checkMasks(OP, mask, srcKeyPaddingMask);
    Tensor x = src;
    for (TransformerEncoderLayer layer : layers) {
      x = layer.forward(x, mask, srcKeyPaddingMask);
    }
    return norm == null ? x : norm.forward(x);
  }

  /** The stacked layers' hyperparameters, by name. */
  public TransformerEncoderLayer.Spec spec() {
    return spec;
  }

  /** The stacked layers, {@code layers} in the state dict. */
  public ModuleList<TransformerEncoderLayer> layers() {
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
    return Printing.container("TransformerEncoder", namedChildren());
  }
}

package dev.shapetorch.nn.attention;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Multi-head scaled dot-product attention: PyTorch's {@code nn.MultiheadAttention} (with
 * equal query, key and value sizes).
 *
 * <p>Type: {@code @Shape({"E", "Heads", "BatchFirst"}) MultiheadAttention}: the embedding size
 * (divisible by the number of heads) and the layout flag (0: {@code [L, N, E]}, 1: {@code [N,
 * L, E]}); by name, {@link Spec}.
 *
 * <p>Shape: query {@code [L, N, E]}, key and value {@code [S, N, E]} give {@code [L, N, E]}
 * (batch first: {@code [N, L, E]}, {@code [N, S, E]} give {@code [N, L, E]}); the averaged
 * attention weights are {@code [N, L, S]}. A key padding mask is {@code [N, S]}, boolean
 * (true: ignore that key) or floating (added to the scores); an attention mask is {@code [L,
 * S]} or {@code [N*Heads, L, S]}, boolean (true: not allowed) or floating. Both are read in the
 * layer's layout ({@link Rule#MULTIHEAD_ATTENTION_MASKS}, at compile time and at run time), so
 * a padding mask built for the other layout is an error that says so.
 *
 * <p>Parameters: {@code in_proj_weight} {@code [3E, E]} (Xavier-uniform), {@code in_proj_bias}
 * {@code [3E]} (zeros), {@code out_proj.weight} {@code [E, E]} (Linear's default), {@code
 * out_proj.bias} {@code [E]} (zeros), as in PyTorch.
 */
public final class MultiheadAttention extends AbstractModule {
  private static final ForwardContract FORWARD =
      Guard.forward(MultiheadAttention.class, "query", "key", "value");

  private final Spec spec;
  private final Parameter inProjWeight;
  private final Parameter inProjBias;
  private final Linear outProj;

  /**
   * The output and the attention weights averaged over heads.
   *
   * @param output {@code [L, N, E]} (batch first: {@code [N, L, E]})
   * @param weights {@code [N, L, S]}
   */
  public record Output(Tensor output, Tensor weights) {}

  /**
   * A multi-head attention's hyperparameters by name, as its constructor takes them; the type's
   * vector is {@link #typeVector()}.
   *
   * @param embedDim the embedding size {@code E}, divisible by {@code numHeads}
   * @param numHeads the heads {@code Heads}
   * @param dropout dropout on the attention weights, in training mode, in {@code [0, 1]}; not
   *     part of the type
   * @param batchFirst {@code BatchFirst}: true (1 in the type) for {@code [N, L, E]} inputs and
   *     outputs, false (0) for {@code [L, N, E]}
   */
  public record Spec(long embedDim, long numHeads, double dropout, boolean batchFirst) {
    /**
     * Checks the hyperparameters.
     *
     * @throws IllegalArgumentException for non-positive sizes or {@code numHeads} not dividing
     *     {@code embedDim} (a {@link ShapeException} {@code [shape.module.params]}, {@link
     *     Rule#ATTENTION_CONTRACT}) or a dropout outside {@code [0, 1]}
     */
    public Spec {
      String layer = "MultiheadAttention";
      // The rule the checker runs on the constructor's constant arguments.
      Guard.declared(Rule.ATTENTION_CONTRACT, layer, new RuleArg.IntArg(DimExpr.of(embedDim)),
          new RuleArg.IntArg(DimExpr.of(numHeads)));
      Checks.probability(layer, dropout);
    }

    /**
     * The type's vector, {@code [E, Heads, BatchFirst]}: what {@link
     * MultiheadAttention#forward(Tensor, Tensor, Tensor)} is checked with.
     */
    public long[] typeVector() {
      return new long[] {embedDim, numHeads, batchFirst ? 1 : 0};
    }
  }

  /** Sequence-first, without dropout, as {@code nn.MultiheadAttention(embedDim, numHeads)}. */
  @ShapeRule(value = Rule.ATTENTION_CONTRACT, args = {"embedDim", "numHeads"})
  public @Shape({"embedDim", "numHeads", "0"}) MultiheadAttention(
      @Dim long embedDim, @Dim long numHeads) {
    this(embedDim, numHeads, 0.0, false);
  }

  /**
   * Sequence-first, as {@code nn.MultiheadAttention(embedDim, numHeads, dropout)}.
   *
   * @param dropout dropout on the attention weights, in training mode
   * @throws IllegalArgumentException if {@code numHeads} does not divide {@code embedDim}
   */
  @ShapeRule(value = Rule.ATTENTION_CONTRACT, args = {"embedDim", "numHeads"})
  public @Shape({"embedDim", "numHeads", "0"}) MultiheadAttention(
      @Dim long embedDim, @Dim long numHeads, double dropout) {
    this(embedDim, numHeads, dropout, false);
  }

  /**
   * Every option, as {@link Spec} names them.
   *
   * @param dropout dropout on the attention weights, in training mode
   * @param batchFirst true for {@code [N, L, E]} inputs and outputs, false for {@code [L, N,
   *     E]}; a constant is the type's {@code BatchFirst} (1 or 0)
   * @throws IllegalArgumentException if {@code numHeads} does not divide {@code embedDim}
   */
  @ShapeRule(value = Rule.ATTENTION_CONTRACT, args = {"embedDim", "numHeads"})
  public @Shape({"embedDim", "numHeads", "batchFirst"}) MultiheadAttention(
      @Dim long embedDim, @Dim long numHeads, double dropout, @Dim boolean batchFirst) {
    this.spec = new Spec(embedDim, numHeads, dropout, batchFirst);
    this.inProjWeight = new Parameter(Init.xavierUniform_(Torch.empty(3 * embedDim, embedDim)));
    this.inProjBias = new Parameter(Torch.zeros(3 * embedDim));
    this.outProj = new Linear(embedDim, embedDim);
    Init.zeros_(outProj.bias().get());
  }

  /**
   * Attends from {@code query} to {@code key}/{@code value} without masks; returns the output.
   *
   * <p>Shape: query {@code [L, N, E]} with key and value {@code [S, N, E]} {@code -> [L, N,
   * E]} (batch first: {@code [N, L, E]}, {@code [N, S, E]} {@code -> [N, L, E]}), {@link
   * Rule#MULTIHEAD_ATTENTION}: the query's batch size (the dim {@code BatchFirst} names) must be
   * the key's.
   *
   * @throws ShapeException if an input is not 3-D, a last dim is not {@code E}, key and value
   *     differ, or the batch sizes of query and key differ
   */
  @ShapeRule(value = Rule.MULTIHEAD_ATTENTION, args = {"this", "query", "key", "value"})
  public Tensor forward(Tensor query, Tensor key, Tensor value) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        query, key, value);
  }

  private Tensor forwardBody(Tensor query, Tensor key, Tensor value) {
    return attend(query, key, value, null, null, false).output();
  }

  /**
   * Attends with optional masks (null for none); returns the output only: the weights are not
   * computed, and the attention runs through {@code Torch.scaledDotProductAttention} with the
   * masks folded into one additive mask, as PyTorch's {@code need_weights=False} does.
   *
   * <p>Shape: as {@link #forward(Tensor, Tensor, Tensor)}; {@code keyPaddingMask} {@code [N,
   * S]} and {@code attnMask} {@code [L, S]} or {@code [N*Heads, L, S]}, {@code N}, {@code L} and
   * {@code S} read in the layer's layout ({@link Rule#MULTIHEAD_ATTENTION_MASKS}, at compile time
   * and at run time): a padding mask built for the other layout ({@code [S, N]}) is an error
   * that names the layout.
   *
   * @param keyPaddingMask {@code [N, S]}, null for none: boolean (true marks keys to ignore) or
   *     floating (added to the scores)
   * @param attnMask {@code [L, S]} or {@code [N*Heads, L, S]}, null for none: boolean (true: not
   *     allowed) or floating (added to the scores)
   * @throws ShapeException {@code [shape.mismatch.mask]} for a mask of another shape
   * @throws IllegalArgumentException for a mask that is neither boolean nor floating (a {@code
   *     uint8} mask, which PyTorch 1.13 still takes with a deprecation warning, included)
   */
  @ShapeRule(value = Rule.MULTIHEAD_ATTENTION_MASKS,
      args = {"this", "query", "key", "value", "keyPaddingMask", "attnMask"})
  public Tensor forward(
      Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2), (Tensor) a.get(3),
            (Tensor) a.get(4)),
        query, key, value, keyPaddingMask, attnMask);
  }

  private Tensor forwardBody(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask,
      Tensor attnMask) {
    return attend(query, key, value, keyPaddingMask, attnMask, false).output();
  }

  /**
   * Attends with optional masks (null for none) and returns the output and the weights
   * averaged over heads.
   *
   * <p>Shape: as {@link #forward(Tensor, Tensor, Tensor, Tensor, Tensor)}; weights {@code [N,
   * L, S]}.
   *
   * @param keyPaddingMask {@code [N, S]}, null for none: boolean (true marks keys to ignore) or
   *     floating (added to the scores)
   * @param attnMask {@code [L, S]} or {@code [N*Heads, L, S]}, null for none: boolean (true: not
   *     allowed) or floating (added to the scores)
   * @throws ShapeException {@code [shape.mismatch.mask]} for a mask of another shape
   * @throws IllegalArgumentException for a mask that is neither boolean nor floating
   */
  @ShapeRule(value = Rule.MULTIHEAD_ATTENTION_MASKS,
      args = {"this", "query", "key", "value", "keyPaddingMask", "attnMask"})
  public Output forwardWithWeights(
      Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
    return runForward(
        a -> forwardWithWeightsBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2),
            (Tensor) a.get(3), (Tensor) a.get(4)),
        query, key, value, keyPaddingMask, attnMask);
  }

  private Output forwardWithWeightsBody(Tensor query, Tensor key, Tensor value,
      Tensor keyPaddingMask, Tensor attnMask) {
    return attend(query, key, value, keyPaddingMask, attnMask, true);
  }

  private Output attend(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask,
      Tensor attnMask, boolean needWeights) {
    if (query == null || key == null || value == null
        || keyPaddingMask == null && attnMask == null) {
      FORWARD.check(spec.typeVector(), query, key, value); // names a null input
    }
    if (keyPaddingMask != null || attnMask != null) {
      // The rule the checker runs on the call, under the method's name as the checker has it.
      String op = needWeights ? "MultiheadAttention.forwardWithWeights"
          : "MultiheadAttention.forward";
      Guard.rule(Rule.MULTIHEAD_ATTENTION_MASKS, op,
          new RuleArg.TensorArg(TensorShape.of(spec.typeVector())), Guard.tensor(query, "query"),
          Guard.tensor(key, "key"), Guard.tensor(value, "value"), Guard.optional(keyPaddingMask),
          Guard.optional(attnMask));
      TransformerChecks.paddingMaskDType(op, "keyPaddingMask", keyPaddingMask);
      TransformerChecks.attnMaskDType(op, "attnMask", attnMask);
    }
    boolean batchFirst = spec.batchFirst;
    long embedDim = spec.embedDim;
    Tensor q = batchFirst ? query.transpose(0, 1) : query;
    Tensor k = batchFirst ? key.transpose(0, 1) : key;
    Tensor v = batchFirst ? value.transpose(0, 1) : value;
    long len = q.size(0);
    long batch = q.size(1);
    long src = k.size(0);
    long heads = spec.numHeads;
    long headDim = embedDim / heads;
    Tensor w = inProjWeight.get();
    Tensor b = inProjBias.get();
    Tensor qp = project(q, w, b, 0, len, batch * heads, headDim);
    Tensor kp = project(k, w, b, 1, src, batch * heads, headDim);
    Tensor vp = project(v, w, b, 2, src, batch * heads, headDim);
    if (!needWeights) {
      // PyTorch's path for need_weights=False: the fused kernel, the masks as one additive mask.
      Tensor mask = additiveMask(attnMask, keyPaddingMask, qp, batch, heads, src);
      double p = spec.dropout > 0 && isTraining() ? spec.dropout : 0.0;
      Tensor fused = Torch.scaledDotProductAttention(qp, kp, vp, mask, p, false);
      return new Output(finish(fused, len, batch, batchFirst), null);
    }
    Tensor scores = qp.div(Math.sqrt(headDim)).bmm(kp.transpose(1, 2));
    if (attnMask != null) {
      scores = attnMask.dtype() == DType.BOOL
          ? scores.maskedFill(attnMask, Double.NEGATIVE_INFINITY)
          : scores.add(attnMask);
    }
    if (keyPaddingMask != null) {
      Tensor m = keyPaddingMask.view(batch, 1, 1, src).expand(batch, heads, 1, src)
          .reshape(batch * heads, 1, src);
      scores = m.dtype() == DType.BOOL ? scores.maskedFill(m, Double.NEGATIVE_INFINITY)
          : scores.add(m);
    }
    Tensor attn = F.softmax(scores, -1);
    if (spec.dropout > 0 && isTraining()) {
      attn = F.dropout(attn, spec.dropout, true);
    }
    Tensor weights = attn.view(batch, heads, len, src).mean(1);
    return new Output(finish(attn.bmm(vp), len, batch, batchFirst), weights);
  }

  /** The heads' outputs {@code [N*Heads, L, Dh]}, joined and projected: {@code [L, N, E]}. */
  private Tensor finish(Tensor heads, long len, long batch, boolean batchFirst) {
    long embedDim = spec.embedDim;
    Tensor out = heads.transpose(0, 1).contiguous().view(len * batch, embedDim);
    out = outProj.forward(out).view(len, batch, embedDim);
    return batchFirst ? out.transpose(0, 1) : out;
  }

  /**
   * The attention mask and the key padding mask as one float mask added to the scores ({@code
   * -inf} where a key is not allowed), broadcasting to {@code [N*Heads, L, S]}; null for none.
   */
  private static Tensor additiveMask(Tensor attnMask, Tensor keyPaddingMask, Tensor like,
      long batch, long heads, long src) {
    Tensor mask = null;
    if (attnMask != null) {
      mask = attnMask.dtype() == DType.BOOL
          ? Torch.zeros(attnMask.shape(), like.dtype(), like.device())
              .maskedFill(attnMask, Double.NEGATIVE_INFINITY)
          : attnMask;
    }
    if (keyPaddingMask != null) {
      Tensor m = keyPaddingMask.view(batch, 1, 1, src).expand(batch, heads, 1, src)
          .reshape(batch * heads, 1, src);
      Tensor f = m.dtype() == DType.BOOL
          ? Torch.zeros(new long[] {batch * heads, 1, src}, like.dtype(), like.device())
              .maskedFill(m, Double.NEGATIVE_INFINITY)
          : m;
      mask = mask == null ? f : mask.add(f);
    }
    return mask;
  }

  /** Projects with block {@code part} of the packed weight, as {@code [B*H, T, Dh]}. */
  private Tensor project(Tensor x, Tensor w, Tensor b, int part, long steps, long rows,
      long headDim) {
    long embedDim = spec.embedDim;
    Tensor y = F.linear(x, w.narrow(0, part * embedDim, embedDim),
        b.narrow(0, part * embedDim, embedDim));
    return y.reshape(steps, rows, headDim).transpose(0, 1);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The packed query/key/value projection, {@code [3E, E]}. */
  public Parameter inProjWeight() {
    return inProjWeight;
  }

  /** The output projection. */
  public Linear outProj() {
    return outProj;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("in_proj_weight", inProjWeight);
    visitor.parameter("in_proj_bias", inProjBias);
    visitor.module("out_proj", outProj);
  }

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return "MultiheadAttention(\n  (out_proj): NonDynamicallyQuantizableLinear(in_features="
        + spec.embedDim + ", out_features=" + spec.embedDim + ", bias=True)\n)";
  }
}

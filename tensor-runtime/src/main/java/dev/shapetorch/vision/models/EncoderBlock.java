package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.GELU;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * One pre-norm transformer layer of the Vision Transformer, as torchvision's {@code
 * vision_transformer.EncoderBlock}: {@code x + dropout(selfAttention(ln1(x)))}, then that plus
 * {@code mlp(ln2(.))}, where {@code mlp} is Linear, GELU, Dropout, Linear, Dropout (torchvision's
 * {@code MLPBlock}). Layer norms have eps 1e-6; the attention is batch-first. Parameter names:
 * {@code ln_1.weight}, {@code self_attention.in_proj_weight}, {@code
 * self_attention.out_proj.weight}, {@code ln_2.bias}, {@code mlp.0.weight}, {@code mlp.3.bias},
 * ...
 *
 * <p>Shape: {@code [B, L, hidden] -> [B, L, hidden]}.
 *
 * @param ln1 layer norm before the attention
 * @param selfAttention batch-first multi-head self-attention
 * @param dropout after the attention
 * @param ln2 layer norm before the MLP
 * @param mlp hidden -> mlpDim -> hidden
 */
public record EncoderBlock(LayerNorm ln1, MultiheadAttention selfAttention, Dropout dropout,
    LayerNorm ln2, Sequential mlp) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public EncoderBlock {
    Arguments.requireNonNull(ln1, "ln1");
    Arguments.requireNonNull(selfAttention, "selfAttention");
    Arguments.requireNonNull(dropout, "dropout");
    Arguments.requireNonNull(ln2, "ln2");
    Arguments.requireNonNull(mlp, "mlp");
  }

  /**
   * A layer of width {@code hiddenDim} with {@code numHeads} heads and an MLP of {@code mlpDim}
   * hidden units, initialised as torchvision does (the MLP's weights Xavier-uniform, its biases
   * {@code N(0, 1e-6)}).
   *
   * @param dropout dropout after the attention and in the MLP
   * @param attentionDropout dropout on the attention weights
   * @throws IllegalArgumentException for non-positive sizes, heads that do not divide the width,
   *     or probabilities outside [0, 1]
   */
  public static EncoderBlock create(long numHeads, long hiddenDim, long mlpDim, double dropout,
      double attentionDropout) {
    if (numHeads < 1 || hiddenDim < 1 || mlpDim < 1) {
      throw Arguments.invalid(null, "numHeads, hiddenDim and mlpDim must be positive, got"
          + " numHeads=" + numHeads + ", hiddenDim=" + hiddenDim + ", mlpDim=" + mlpDim);
    }
    Linear fc1 = new Linear(hiddenDim, mlpDim);
    Linear fc2 = new Linear(mlpDim, hiddenDim);
    try (var ng = Torch.noGrad()) {
      for (Linear l : new Linear[] {fc1, fc2}) {
        Init.xavierUniform_(l.weight().get());
        Init.normal_(l.bias().get(), 0, 1e-6);
      }
    }
    return new EncoderBlock(new LayerNorm(new long[] {hiddenDim}, 1e-6, true),
        new MultiheadAttention(hiddenDim, numHeads, attentionDropout, true),
        new Dropout(dropout), new LayerNorm(new long[] {hiddenDim}, 1e-6, true),
        new Sequential(fc1, new GELU(), new Dropout(dropout), fc2, new Dropout(dropout)));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("ln_1", ln1);
    v.module("self_attention", selfAttention);
    v.module("dropout", dropout);
    v.module("ln_2", ln2);
    v.module("mlp", mlp);
  }

  /**
   * The layer's output.
   *
   * <p>Shape: {@code [B, L, hidden] -> [B, L, hidden]}.
   */
  @Override
  public @Shape({"B", "L", "D"}) Tensor forward(@Shape({"B", "L", "D"}) Tensor input) {
    Arguments.requireNonNull(input, "input");
    Tensor x = ln1.forward(input);
    x = dropout.forward(selfAttention.forward(x, x, x)).add(input);
    return x.add(mlp.forward(ln2.forward(x)));
  }
}

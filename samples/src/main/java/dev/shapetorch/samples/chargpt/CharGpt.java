package dev.shapetorch.samples.chargpt;

import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Generator;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * A character-level GPT, as nanoGPT writes one: token and position embeddings, {@code N}
 * pre-LayerNorm {@link Block}s of causal self-attention and MLP, a final LayerNorm and a linear
 * head giving each position the logits of the next character. Linear and embedding weights start
 * from {@code N(0, 0.02)}, biases from 0, as GPT-2's; LayerNorms from 1 and 0.
 *
 * <p>Type: {@code V} the vocabulary, {@code T} the context (the longest input), {@code D} the
 * embedding size.
 *
 * <p>Shape: {@code [B, L] (int64, L <= T) -> [B, L, V]}.
 *
 * @param tokens the character embedding, {@code V x D}
 * @param positions the position embedding, {@code T x D}
 * @param blocks the transformer blocks
 * @param norm the final LayerNorm
 * @param head {@code D -> V}, the next character's logits
 */
@Model
public record CharGpt(
    @Shape({"V", "D"}) Embedding tokens,
    @Shape({"T", "D"}) Embedding positions,
    List<Block> blocks,
    @Shape({"D"}) LayerNorm norm,
    @Shape({"D", "V"}) Linear head) implements Module {

  /**
   * A fresh model.
   *
   * @param vocab the number of distinct characters
   * @param context the longest input, in characters
   * @param dim the embedding size
   * @param layers the number of blocks
   * @param heads attention heads per block (dividing {@code dim})
   */
  public static CharGpt create(int vocab, int context, int dim, int layers, int heads) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      blocks.add(Block.create(dim, heads));
    }
    CharGpt model = new CharGpt(new Embedding(vocab, dim), new Embedding(context, dim),
        List.copyOf(blocks), new LayerNorm(dim), new Linear(dim, vocab));
    try (NoGradScope ng = Torch.noGrad()) {
      for (var named : model.namedParameters().entrySet()) {
        Tensor p = named.getValue().get();
        if (named.getKey().endsWith("bias")) {
          Init.zeros_(p);
        } else if (p.dim() == 2) {
          Init.normal_(p, 0.0, 0.02);
        }
      }
    }
    return model;
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    CharGptChildren.visit(this, v);
  }

  /** {@code V}: the number of characters the model knows. */
  public long vocabSize() {
    return tokens.spec().num();
  }

  /** {@code T}: the longest input the position embedding covers. */
  public long context() {
    return positions.spec().num();
  }

  /**
   * The logits of the character that follows each position.
   *
   * <p>Shape: {@code [B, L] -> [B, L, V]}, {@code L <= T}.
   */
  public @Shape({"B", "L", "V"}) Tensor forward(@Shape({"B", "L"}) Tensor idx) {
    long len = idx.size(1);
    if (len > context()) {
      throw new IllegalArgumentException("CharGpt.forward: input of " + len
          + " characters is longer than the context " + context()
          + "; pass the last " + context() + " only");
    }
    @Shape({"L"}) Tensor at = Shapes.require(Torch.arange(len), "L");
    @Shape({"B", "L", "D"}) Tensor x = tokens.forward(idx).add(positions.forward(at));
    @Shape({"L", "L"}) Tensor mask = causalMask(len);
    for (Block block : blocks) {
      x = block.forward(x, mask);
    }
    return head.forward(norm.forward(x));
  }

  /**
   * The causal mask of {@code len} positions: true above the diagonal, where position {@code j}
   * comes after position {@code i} and must stay hidden from it.
   *
   * <p>Shape: {@code [len, len]}.
   */
  public static @Shape({"len", "len"}) Tensor causalMask(@Dim long len) {
    return Torch.triu(Torch.ones(len, len), 1).to(DType.BOOL);
  }

  /**
   * Continues {@code prompt} (character indices) by {@code count} characters, each drawn from
   * {@code softmax(logits / temperature)} of the last position, restricted to the {@code topK}
   * likeliest characters when {@code topK > 0}; the model sees at most its last {@link
   * #context()} characters. Runs without gradients, in evaluation mode.
   *
   * @return the {@code count} new characters' indices
   */
  public long[] generate(long[] prompt, int count, double temperature, int topK,
      Generator generator) {
    if (prompt.length == 0) {
      throw new IllegalArgumentException("CharGpt.generate: the prompt is empty; give it at"
          + " least one character (a newline will do)");
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException(
          "CharGpt.generate: temperature " + temperature + " must be positive");
    }
    train(false);
    long[] text = java.util.Arrays.copyOf(prompt, prompt.length + count);
    int n = prompt.length;
    try (NoGradScope ng = Torch.noGrad()) {
      for (int i = 0; i < count; i++) {
        try (TensorScope scope = TensorScope.open()) {
          int from = (int) Math.max(0, n - context());
          Tensor window = Torch.tensor(java.util.Arrays.copyOfRange(text, from, n)).view(1, -1);
          Tensor logits = forward(window).select(1, -1).div(temperature);
          if (topK > 0 && topK < vocabSize()) {
            Tensor kth = logits.topk(topK, 1).values().narrow(1, topK - 1, 1);
            logits = logits.maskedFill(logits.lt(kth), Double.NEGATIVE_INFINITY);
          }
          text[n++] = Torch.multinomial(logits.softmax(-1), 1, false, generator).toLongArray()[0];
        }
      }
    }
    return java.util.Arrays.copyOfRange(text, prompt.length, n);
  }

  /** The number of parameters. */
  public long parameterCount() {
    long count = 0;
    for (Parameter p : parameters()) {
      count += p.get().numel();
    }
    return count;
  }
}

package dev.shapetorch.samples.chargpt;

import dev.shapetorch.nn.Model;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.LayerNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * One transformer block as GPT-2 and nanoGPT write it, pre-LayerNorm: {@code x + attn(ln1(x))},
 * then {@code x + proj(gelu(fc(ln2(x))))}, the attention causal (each position sees itself and
 * the positions before it, through the mask {@link CharGpt#causalMask} builds).
 *
 * <p>Type: {@code D} the embedding size, {@code H} the heads (dividing {@code D}), {@code FF}
 * the hidden size of the MLP ({@code 4 D}).
 *
 * <p>Shape: {@code [B, L, D] -> [B, L, D]} with a boolean {@code [L, L]} mask.
 *
 * @param ln1 the LayerNorm before the attention
 * @param attn causal self-attention over {@code [B, L, D]} (batch first)
 * @param ln2 the LayerNorm before the MLP
 * @param fc the MLP's first layer, {@code D -> FF}
 * @param proj the MLP's second layer, {@code FF -> D}
 */
@Model
public record Block(
    @Shape({"D"}) LayerNorm ln1,
    @Shape({"D", "H", "1"}) MultiheadAttention attn,
    @Shape({"D"}) LayerNorm ln2,
    @Shape({"D", "FF"}) Linear fc,
    @Shape({"FF", "D"}) Linear proj) implements Module {

  /** A fresh block of embedding size {@code dim} with {@code heads} heads and a 4x MLP. */
  public static Block create(int dim, int heads) {
    return new Block(new LayerNorm(dim), new MultiheadAttention(dim, heads, 0.0, true),
        new LayerNorm(dim), new Linear(dim, 4L * dim), new Linear(4L * dim, dim));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    BlockChildren.visit(this, v);
  }

  /**
   * The block's output: the input plus what attention and the MLP add.
   *
   * <p>Shape: {@code [B, L, D]}, mask {@code [L, L]} (true: position {@code j} is hidden from
   * position {@code i}) {@code -> [B, L, D]}.
   */
  public @Shape({"B", "L", "D"}) Tensor forward(
      @Shape({"B", "L", "D"}) Tensor x, @Shape({"L", "L"}) Tensor mask) {
    @Shape({"B", "L", "D"}) Tensor h = ln1.forward(x);
    @Shape({"B", "L", "D"}) Tensor attended = x.add(attn.forward(h, h, h, null, mask));
    @Shape({"B", "L", "FF"}) Tensor hidden = F.gelu(fc.forward(ln2.forward(attended)));
    return attended.add(proj.forward(hidden));
  }
}

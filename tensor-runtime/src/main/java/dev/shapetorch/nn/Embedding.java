package dev.shapetorch.nn;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A lookup table of learned vectors, indexed by integers: PyTorch's {@code nn.Embedding}.
 *
 * <p>Type: {@code @Shape({"Num", "Dim"}) Embedding}: table size and vector size.
 *
 * <p>Shape: {@code [*batch] (int64) -> [*batch, Dim]}.
 *
 * <p>Parameters: {@code weight} {@code [Num, Dim]}, standard normal, with the padding row (if
 * any) zero; the padding row receives no gradient.
 */
public final class Embedding extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(Embedding.class, "indices");

  private final long numEmbeddings;
  private final long embeddingDim;
  private final long paddingIdx;
  private final Parameter weight;

  /** Without a padding index. */
  public @Shape({"num", "dim"}) Embedding(@Dim long num, @Dim long dim) {
    this(num, dim, -1);
  }

  /**
   * With a padding index.
   *
   * @param paddingIdx a row kept at zero and out of training, in {@code [0, num)}, or -1 for
   *     none (PyTorch's negative indices are not accepted: -1 means none here)
   * @throws IllegalArgumentException if {@code paddingIdx} is out of range
   */
  public @Shape({"num", "dim"}) Embedding(@Dim long num, @Dim long dim, long paddingIdx) {
    Checks.positive("Embedding", "num", num);
    Checks.positive("Embedding", "dim", dim);
    if (paddingIdx < -1 || paddingIdx >= num) {
      throw new IllegalArgumentException("Embedding: paddingIdx " + paddingIdx
          + " must be in [0, " + num + ") or -1 for none");
    }
    this.numEmbeddings = num;
    this.embeddingDim = dim;
    this.paddingIdx = paddingIdx;
    Tensor w = Init.normal_(Torch.empty(num, dim));
    if (paddingIdx >= 0) {
      try (var ng = Torch.noGrad()) {
        w.select(0, paddingIdx).fill_(0.0);
      }
    }
    this.weight = new Parameter(w);
  }

  /**
   * Looks the indices up.
   *
   * <p>Shape: {@code [*batch] -> [*batch, Dim]}.
   */
  @Override
  public @Shape({"*batch", "Dim"}) Tensor forward(
      @Shape({"Num", "Dim"}) Embedding this, @Shape({"*batch"}) Tensor indices) {
    FORWARD.check(new long[] {numEmbeddings, embeddingDim}, indices);
    return F.embedding(indices, weight.get(), paddingIdx);
  }

  /** The table, {@code [Num, Dim]}. */
  public Parameter weight() {
    return weight;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    visitor.parameter("weight", weight);
  }

  /** As PyTorch prints it: {@code Embedding(10, 3, padding_idx=1)}. */
  @Override
  public String toString() {
    return "Embedding(" + numEmbeddings + ", " + embeddingDim
        + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "") + ")";
  }
}

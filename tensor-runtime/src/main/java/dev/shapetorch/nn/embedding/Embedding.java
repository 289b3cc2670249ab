package dev.shapetorch.nn.embedding;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.ForwardSignature;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.OptionalLong;

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
  /** No padding row ({@link #paddingIdx} holds a row in {@code [0, Num)} otherwise). */
  private static final long NONE = -1;

  private final long numEmbeddings;
  private final long embeddingDim;
  private final long paddingIdx;
  private final Parameter weight;

  /** Without a padding index. */
  public @Shape({"num", "dim"}) Embedding(@Dim long num, @Dim long dim) {
    this(num, dim, NONE, "Embedding");
  }

  /**
   * With a padding index: a row kept at zero and out of training. A negative index counts from
   * the end, as in PyTorch: {@code -1} is row {@code num - 1}; it is normalised here, so {@link
   * #paddingIdx()} and the printed form show the row itself.
   *
   * @param paddingIdx in {@code [-num, num)}
   * @throws IllegalArgumentException if {@code paddingIdx} is out of that range (the message
   *     names both); for no padding row, use {@link #Embedding(long, long)}
   */
  public @Shape({"num", "dim"}) Embedding(@Dim long num, @Dim long dim, long paddingIdx) {
    this(num, dim, normalise(num, paddingIdx), "Embedding");
  }

  private Embedding(long num, long dim, long row, String layer) {
    Checks.positive(layer, "num", num);
    Checks.positive(layer, "dim", dim);
    this.numEmbeddings = num;
    this.embeddingDim = dim;
    this.paddingIdx = row;
    Tensor w = Init.normal_(Torch.empty(num, dim));
    if (row != NONE) {
      try (var ng = Torch.noGrad()) {
        w.select(0, row).fill_(0.0);
      }
    }
    this.weight = new Parameter(w);
  }

  private static long normalise(long num, long paddingIdx) {
    Checks.positive("Embedding", "num", num);
    if (paddingIdx < -num || paddingIdx >= num) {
      throw new IllegalArgumentException("Embedding: paddingIdx " + paddingIdx
          + " is out of range for num " + num + " embeddings; it must be in [" + (-num) + ", "
          + num + ") (negative counts from the end: -1 is row " + (num - 1)
          + "); for no padding row, use new Embedding(num, dim)");
    }
    return paddingIdx < 0 ? paddingIdx + num : paddingIdx;
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
    return paddingIdx == NONE ? F.embedding(indices, weight.get())
        : F.embedding(indices, weight.get(), paddingIdx);
  }

  /** The padding row, in {@code [0, Num)} (a negative index given is normalised), or empty. */
  public OptionalLong paddingIdx() {
    return paddingIdx == NONE ? OptionalLong.empty() : OptionalLong.of(paddingIdx);
  }

  /** The table, {@code [Num, Dim]}. */
  public Parameter weight() {
    return weight;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
  }

  /** As PyTorch prints it: {@code Embedding(10, 3, padding_idx=1)}. */
  @Override
  public String toString() {
    return "Embedding(" + numEmbeddings + ", " + embeddingDim
        + (paddingIdx != NONE ? ", padding_idx=" + paddingIdx : "") + ")";
  }
}

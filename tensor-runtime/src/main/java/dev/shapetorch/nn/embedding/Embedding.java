package dev.shapetorch.nn.embedding;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.OptionalLong;

/**
 * A lookup table of learned vectors, indexed by integers: PyTorch's {@code nn.Embedding}.
 *
 * <p>Type: {@code @Shape({"Num", "Dim"}) Embedding}: table size and vector size; by name,
 * {@link Spec}.
 *
 * <p>Shape: {@code [*batch] (int64) -> [*batch, Dim]}.
 *
 * <p>Parameters: {@code weight} {@code [Num, Dim]}, standard normal, with the padding row (if
 * any) zero; the padding row receives no gradient.
 */
public final class Embedding extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(Embedding.class, "indices");

  private final Spec spec;
  private final Parameter weight;

  /**
   * An embedding's hyperparameters by name, as its constructors take them; the type's vector is
   * {@link #typeVector()}.
   *
   * @param num the table's rows {@code Num}
   * @param dim the vectors' size {@code Dim}
   * @param paddingIdx the row kept at zero and out of training, or empty; a negative index
   *     given counts from the end, as in PyTorch ({@code -1} is row {@code num - 1}), and is
   *     kept as the row itself
   */
  public record Spec(long num, long dim, OptionalLong paddingIdx) {
    /**
     * Checks the hyperparameters and normalises a negative padding index.
     *
     * @throws IllegalArgumentException if a size is not positive or {@code paddingIdx} is
     *     outside {@code [-num, num)} (the message names both)
     */
    public Spec {
      Checks.positive("Embedding", "num", num);
      Checks.positive("Embedding", "dim", dim);
      Arguments.requireNonNull(paddingIdx, "paddingIdx");
      if (paddingIdx.isPresent()) {
        long idx = paddingIdx.getAsLong();
        if (idx < -num || idx >= num) {
          throw new IllegalArgumentException("Embedding: paddingIdx " + idx
              + " is out of range for num " + num + " embeddings; it must be in [" + (-num)
              + ", " + num + ") (negative counts from the end: -1 is row " + (num - 1)
              + "); for no padding row, use new Embedding(num, dim)");
        }
        paddingIdx = OptionalLong.of(idx < 0 ? idx + num : idx);
      }
    }

    /** The type's vector, {@code [Num, Dim]}: what {@link Embedding#forward} is checked with. */
    public long[] typeVector() {
      return new long[] {num, dim};
    }
  }

  /** Without a padding index. */
  public @Shape({"num", "dim"}) Embedding(@Dim long num, @Dim long dim) {
    this(new Spec(num, dim, OptionalLong.empty()));
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
    this(new Spec(num, dim, OptionalLong.of(paddingIdx)));
  }

  private Embedding(Spec spec) {
    this.spec = spec;
    Tensor w = Init.normal_(Torch.empty(spec.num, spec.dim));
    if (spec.paddingIdx.isPresent()) {
      try (var ng = Torch.noGrad()) {
        w.select(0, spec.paddingIdx.getAsLong()).fill_(0.0);
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
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"indices"})
  public @Shape({"*batch", "Dim"}) Tensor forward(
      @Shape({"Num", "Dim"}) Embedding this, @Shape({"*batch"}) Tensor indices) {
    return runForward(indices, this::forwardBody);
  }

  private Tensor forwardBody(Tensor indices) {
    DTypeContracts.require(DTypeRule.REQUIRES_INTEGRAL, "Embedding.forward", "indices", indices);
    FORWARD.check(spec.typeVector(), indices);
    return spec.paddingIdx.isEmpty() ? F.embedding(indices, weight.get())
        : F.embedding(indices, weight.get(), spec.paddingIdx.getAsLong());
  }

  /** The padding row, in {@code [0, Num)} (a negative index given is normalised), or empty. */
  public OptionalLong paddingIdx() {
    return spec.paddingIdx;
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
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
    return "Embedding(" + spec.num + ", " + spec.dim
        + (spec.paddingIdx.isPresent() ? ", padding_idx=" + spec.paddingIdx.getAsLong() : "")
        + ")";
  }
}

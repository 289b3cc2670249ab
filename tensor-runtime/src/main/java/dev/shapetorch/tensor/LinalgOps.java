package dev.shapetorch.tensor;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Linear algebra: {@code matmul} with PyTorch's 1-D, 2-D and batched cases, the fixed-rank
 * products {@code mm}, {@code bmm}, {@code mv}, {@code dot}, {@code outer}, and the triangular
 * parts {@code tril}, {@code triu}. Declarations ({@link Variants}): the public forms {@code
 * Torch.mm(a, b)} and {@code a.mm(b)} are generated from them, with the runtime guard.
 *
 * <p>Shape: each product names its rule ({@link Rule#MATMUL}, {@link Rule#MM}, {@link
 * Rule#BMM}, {@link Rule#MV}, {@link Rule#DOT}, {@link Rule#OUTER}), which the checker runs at
 * compile time and the generated guard runs on the actual shapes before libtorch: inner sizes
 * that differ raise {@link ShapeException} with the op's own key ({@code shape.mismatch.matmul},
 * {@code shape.mismatch.matmul.mm}, ...). {@code tril} and {@code triu} declare a plain
 * signature.
 */
final class LinalgOps {
  private LinalgOps() {}

  /**
   * The matrix product with PyTorch's broadcasting rules, as {@code torch.matmul(a, b)}: 1-D
   * times 1-D is a dot product, a 1-D operand is treated as a row (left) or column (right) and
   * that dim dropped, and leading batch dims broadcast.
   *
   * <p>Shape: {@link Rule#MATMUL}, e.g. {@code [*b, n, m] x [*b, m, p] -> [*b, n, p]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.MATMUL)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor matmul(Tensor a, Tensor b) {
    return Natives.binary("Torch.matmul", a, "a", b, "b", torch::matmul);
  }

  /**
   * The product of two matrices, as {@code torch.mm(a, b)}.
   *
   * <p>Shape: {@link Rule#MM}, {@code [M, K] x [K, N] -> [M, N]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.MM)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor mm(Tensor a, Tensor b) {
    return Natives.binary("Torch.mm", a, "a", b, "b", torch::mm);
  }

  /**
   * Batched matrix product, as {@code torch.bmm(a, b)}.
   *
   * <p>Shape: {@link Rule#BMM}, {@code [B, N, M] x [B, M, P] -> [B, N, P]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BMM)
  static Tensor bmm(Tensor a, Tensor b) {
    return Natives.binary("Torch.bmm", a, "a", b, "b", torch::bmm);
  }

  /**
   * A matrix times a vector, as {@code torch.mv(a, v)}.
   *
   * <p>Shape: {@link Rule#MV}, {@code [N, M] x [M] -> [N]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.MV)
  static Tensor mv(Tensor a, Tensor v) {
    return Natives.binary("Torch.mv", a, "a", v, "v", torch::mv);
  }

  /**
   * The dot product of two vectors, as {@code torch.dot(a, b)}.
   *
   * <p>Shape: {@link Rule#DOT}, {@code [N] . [N] -> []}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.DOT)
  static Tensor dot(Tensor a, Tensor b) {
    return Natives.binary("Torch.dot", a, "a", b, "b", torch::dot);
  }

  /**
   * The outer product of two vectors, as {@code torch.outer(a, b)}.
   *
   * <p>Shape: {@link Rule#OUTER}, {@code [N] x [M] -> [N, M]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.OUTER)
  static Tensor outer(Tensor a, Tensor b) {
    return Natives.binary("Torch.outer", a, "a", b, "b", torch::outer);
  }

  /**
   * The lower triangle of the last two dims, as {@code torch.tril(input, diagonal)}: elements
   * above the {@code diagonal}-th diagonal are zero ({@code 0} the main diagonal, positive
   * above it, negative below it). Leading dims are a batch.
   *
   * <p>Shape: {@code [*b, M, N] -> [*b, M, N]}; the input needs at least two dims.
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*b", "M", "N"}) Tensor tril(@Shape({"*b", "M", "N"}) Tensor input, long diagonal) {
    return Natives.withLong("Torch.tril", input, "input", diagonal, torch::tril);
  }

  /**
   * The upper triangle of the last two dims, as {@code torch.triu(input, diagonal)}: elements
   * below the {@code diagonal}-th diagonal are zero ({@code 0} the main diagonal, positive
   * above it, negative below it). Leading dims are a batch.
   *
   * <p>Shape: {@code [*b, M, N] -> [*b, M, N]}; the input needs at least two dims.
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*b", "M", "N"}) Tensor triu(@Shape({"*b", "M", "N"}) Tensor input, long diagonal) {
    return Natives.withLong("Torch.triu", input, "input", diagonal, torch::triu);
  }
}

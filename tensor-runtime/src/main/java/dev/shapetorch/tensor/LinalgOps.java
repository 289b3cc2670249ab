package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Linear algebra: {@code matmul} with PyTorch's 1-D, 2-D and batched cases, the fixed-rank
 * products {@code mm}, {@code bmm}, {@code mv}, {@code dot}, {@code outer}, and the triangular
 * parts {@code tril}, {@code triu}. Declarations ({@link Variants}): the public forms {@code
 * Torch.mm(a, b)} and {@code a.mm(b)} are generated from them, with the runtime guard.
 *
 * <p>Shape: {@code matmul} follows {@link Rule#MATMUL}; the others declare a plain signature
 * ({@code mm: [M, K] x [K, N] -> [M, N]}), which the checker reads and the generated guard
 * unifies with the actual shapes before libtorch runs. Inner sizes that differ raise {@link
 * ShapeException}.
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
  static Tensor matmul(Tensor a, Tensor b) {
    try {
      return Tensor.wrap(torch.matmul(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.matmul", e, a, b);
    }
  }

  /**
   * The product of two matrices, as {@code torch.mm(a, b)}.
   *
   * <p>Shape: {@code [M, K] x [K, N] -> [M, N]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"M", "N"}) Tensor mm(@Shape({"M", "K"}) Tensor a, @Shape({"K", "N"}) Tensor b) {
    try {
      return Tensor.wrap(torch.mm(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.mm", e, a, b);
    }
  }

  /**
   * Batched matrix product, as {@code torch.bmm(a, b)}.
   *
   * <p>Shape: {@code [B, N, M] x [B, M, P] -> [B, N, P]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"B", "N", "P"}) Tensor bmm(
      @Shape({"B", "N", "M"}) Tensor a, @Shape({"B", "M", "P"}) Tensor b) {
    try {
      return Tensor.wrap(torch.bmm(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.bmm", e, a, b);
    }
  }

  /**
   * A matrix times a vector, as {@code torch.mv(a, v)}.
   *
   * <p>Shape: {@code [N, M] x [M] -> [N]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N"}) Tensor mv(@Shape({"N", "M"}) Tensor a, @Shape({"M"}) Tensor v) {
    try {
      return Tensor.wrap(torch.mv(a.h(), v.h()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.mv", e, a, v);
    }
  }

  /**
   * The dot product of two vectors, as {@code torch.dot(a, b)}.
   *
   * <p>Shape: {@code [N] . [N] -> []}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({}) Tensor dot(@Shape({"N"}) Tensor a, @Shape({"N"}) Tensor b) {
    try {
      return Tensor.wrap(torch.dot(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.dot", e, a, b);
    }
  }

  /**
   * The outer product of two vectors, as {@code torch.outer(a, b)}.
   *
   * <p>Shape: {@code [N] x [M] -> [N, M]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"N", "M"}) Tensor outer(@Shape({"N"}) Tensor a, @Shape({"M"}) Tensor b) {
    try {
      return Tensor.wrap(torch.outer(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.outer", e, a, b);
    }
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
    try {
      return Tensor.wrap(torch.tril(input.h(), diagonal));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.tril", e, input);
    }
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
    try {
      return Tensor.wrap(torch.triu(input.h(), diagonal));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.triu", e, input);
    }
  }
}

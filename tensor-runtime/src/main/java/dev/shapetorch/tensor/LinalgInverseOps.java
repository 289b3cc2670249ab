package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Inverses and linear systems: {@code Linalg.inv}, {@code Linalg.det}, {@code Linalg.solve}, as
 * {@code torch.linalg.inv}, {@code det}, {@code solve}. PyTorch's older spellings {@code
 * torch.inverse} and {@code torch.det} are in {@link LinalgAliasOps}.
 *
 * <p>Shape: {@code inv} and {@code det} take a square matrix or a batch of them, {@code [*b, n,
 * n]}, declared as a {@code @Shape} pattern, so a non-square input is a {@link ShapeException}
 * (and a compile-time error) naming the op; {@code solve} names {@link Rule#LINALG_SOLVE}. A
 * singular matrix is a {@link TorchException} naming the op and saying what to do.
 */
final class LinalgInverseOps {
  private LinalgInverseOps() {}

  /**
   * The inverse of a square matrix, or of each matrix of a batch, as {@code
   * torch.linalg.inv(A)}.
   *
   * <p>Shape: {@code [*b, n, n] -> [*b, n, n]}.
   *
   * @throws TorchException if a matrix is singular
   */
  @Variants(Variant.LINALG)
  static @Shape({"*b", "N", "N"}) Tensor inv(@Shape({"*b", "N", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.tensor("Linalg.inv", () -> torch.linalg_inv(a.h()), a);
  }

  /**
   * The determinant of a square matrix, or of each matrix of a batch, as {@code
   * torch.linalg.det(A)}.
   *
   * <p>Shape: {@code [*b, n, n] -> [*b]}.
   */
  @Variants(Variant.LINALG)
  static @Shape({"*b"}) Tensor det(@Shape({"*b", "N", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.tensor("Linalg.det", () -> torch.linalg_det(a.h()), a);
  }

  /**
   * The solution {@code X} of {@code A @ X = B} for a square, invertible {@code A}, as {@code
   * torch.linalg.solve(A, B)}; {@code B} holds one right-hand side per column, or is a vector.
   *
   * <p>Shape: {@link Rule#LINALG_SOLVE}: {@code A [*b, n, n]}, {@code B [*b, n, k] -> [*b, n,
   * k]}, or {@code B [*b, n] -> [*b, n]} when {@code B} is 1-D or exactly {@code A}'s shape
   * without its last dim; the batch dims of {@code A} and {@code B} broadcast.
   *
   * @throws TorchException if a matrix {@code A} is singular
   */
  @Variants(Variant.LINALG)
  @ShapeRule(Rule.LINALG_SOLVE)
  static Tensor solve(Tensor a, Tensor b) {
    Natives.h(a, "a");
    Natives.h(b, "b");
    return LinalgFailures.tensor("Linalg.solve", () -> torch.linalg_solve(a.h(), b.h()), a, b);
  }
}

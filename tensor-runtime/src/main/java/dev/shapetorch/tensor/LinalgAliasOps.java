package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.global.torch;

/**
 * PyTorch's {@code torch.*} spellings of {@code torch.linalg} ops: {@code Torch.inverse} and
 * {@code Torch.det} (and {@code a.inverse()}, {@code a.det()}), the same ops as {@link
 * Linalg#inv} and {@link Linalg#det}.
 *
 * <p>Shape: a square matrix or a batch of them, {@code [*b, n, n]}; a non-square input is a
 * {@link ShapeException} naming the op.
 */
final class LinalgAliasOps {
  private LinalgAliasOps() {}

  /**
   * The inverse of a square matrix, or of each matrix of a batch, as {@code torch.inverse(A)}
   * (the same as {@code Linalg.inv}).
   *
   * <p>Shape: {@code [*b, n, n] -> [*b, n, n]}.
   *
   * @throws TorchException if a matrix is singular
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*b", "N", "N"}) Tensor inverse(@Shape({"*b", "N", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.tensor("Torch.inverse", () -> torch.linalg_inv(a.h()), a);
  }

  /**
   * The determinant of a square matrix, or of each matrix of a batch, as {@code torch.det(A)}
   * (the same as {@code Linalg.det}).
   *
   * <p>Shape: {@code [*b, n, n] -> [*b]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*b"}) Tensor det(@Shape({"*b", "N", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.tensor("Torch.det", () -> torch.linalg_det(a.h()), a);
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.StringViewOptional;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.global.torch;

/**
 * Matrix decompositions: {@code Linalg.cholesky}, {@code Linalg.qr}, {@code Linalg.eigh}, {@code
 * Linalg.svd}, as {@code torch.linalg.cholesky}, {@code qr} (mode {@code "reduced"}), {@code
 * eigh} (lower triangle) and {@code svd} ({@code full_matrices=False}). The factors of {@code
 * qr}, {@code eigh} and {@code svd} come back as a record ({@link QrDecomposition}, {@link
 * EighDecomposition}, {@link SvdDecomposition}).
 *
 * <p>Shape: each declares its input as a {@code @Shape} pattern: {@code cholesky} and {@code
 * eigh} a square matrix or batch {@code [*b, n, n]}, {@code qr} and {@code svd} any matrix or
 * batch {@code [*b, m, n]}. The record's Javadoc gives its tensors' shapes.
 */
final class LinalgDecompositionOps {
  private LinalgDecompositionOps() {}

  /**
   * The lower-triangular Cholesky factor {@code L} of a symmetric positive-definite matrix
   * ({@code A = L @ L^T}), or of each matrix of a batch, as {@code torch.linalg.cholesky(A)}.
   * Only {@code A}'s lower triangle is read.
   *
   * <p>Shape: {@code [*b, n, n] -> [*b, n, n]}.
   *
   * @throws TorchException if a matrix is not positive-definite
   */
  @Variants(Variant.LINALG)
  static @Shape({"*b", "N", "N"}) Tensor cholesky(@Shape({"*b", "N", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.tensor("Linalg.cholesky", () -> torch.linalg_cholesky(a.h()), a);
  }

  /**
   * The reduced QR decomposition {@code A = Q @ R} of a matrix, or of each matrix of a batch, as
   * {@code torch.linalg.qr(A)} (mode {@code "reduced"}).
   *
   * <p>Shape: {@code [*b, m, n]} gives {@code q [*b, m, k]} and {@code r [*b, k, n]}, {@code k =
   * min(m, n)}.
   */
  @Variants(Variant.LINALG)
  static QrDecomposition qr(@Shape({"*b", "M", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.run("Linalg.qr", () -> {
      try (T_TensorTensor_T r = torch.linalg_qr(a.h(), "reduced")) {
        return QrDecomposition.copyOf(r);
      }
    }, a);
  }

  /**
   * The eigenvalues (ascending) and orthonormal eigenvectors of a symmetric (Hermitian) matrix,
   * or of each matrix of a batch, as {@code torch.linalg.eigh(A)}. Only {@code A}'s lower
   * triangle is read.
   *
   * <p>Shape: {@code [*b, n, n]} gives {@code eigenvalues [*b, n]} and {@code eigenvectors [*b,
   * n, n]}.
   */
  @Variants(Variant.LINALG)
  static EighDecomposition eigh(@Shape({"*b", "N", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.run("Linalg.eigh", () -> {
      try (T_TensorTensor_T r = torch.linalg_eigh(a.h(), "L")) {
        return EighDecomposition.copyOf(r);
      }
    }, a);
  }

  /**
   * The reduced singular value decomposition {@code A = U @ diag(S) @ Vh} of a matrix, or of
   * each matrix of a batch, as {@code torch.linalg.svd(A, full_matrices=False)}.
   *
   * <p>Shape: {@code [*b, m, n]} gives {@code u [*b, m, k]}, {@code s [*b, k]} and {@code vh
   * [*b, k, n]}, {@code k = min(m, n)}.
   */
  @Variants(Variant.LINALG)
  static SvdDecomposition svd(@Shape({"*b", "M", "N"}) Tensor a) {
    Natives.h(a, "a");
    return LinalgFailures.run("Linalg.svd", () -> {
      try (StringViewOptional driver = new StringViewOptional();
          T_TensorTensorTensor_T r = torch.linalg_svd(a.h(), false, driver)) {
        return SvdDecomposition.copyOf(r);
      }
    }, a);
  }
}

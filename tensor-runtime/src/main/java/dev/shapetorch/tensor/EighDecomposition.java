package dev.shapetorch.tensor;

import org.bytedeco.pytorch.T_TensorTensor_T;

/**
 * The eigenvalues and eigenvectors of a symmetric (Hermitian) matrix that {@link Linalg#eigh}
 * returns, as PyTorch's {@code torch.return_types.linalg_eigh}: {@code a = eigenvectors @
 * diag(eigenvalues) @ eigenvectors^T}. The eigenvalues are real and ascending; each
 * eigenvector's sign is not unique.
 *
 * <p>Shape: for {@code a [*b, n, n]}, {@code eigenvalues [*b, n]} and {@code eigenvectors [*b,
 * n, n]} (one eigenvector per column).
 *
 * @param eigenvalues the eigenvalues, in ascending order
 * @param eigenvectors the orthonormal eigenvectors, as columns
 */
public record EighDecomposition(Tensor eigenvalues, Tensor eigenvectors) {

  /** Takes handles of its own on both elements of a native tuple, which the caller then frees. */
  static EighDecomposition copyOf(T_TensorTensor_T pair) {
    return new EighDecomposition(
        Tensor.wrapBorrowed(pair.get0()), Tensor.wrapBorrowed(pair.get1()));
  }
}

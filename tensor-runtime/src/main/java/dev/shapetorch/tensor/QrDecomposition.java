package dev.shapetorch.tensor;

import org.bytedeco.pytorch.T_TensorTensor_T;

/**
 * The reduced QR decomposition {@code a = q @ r} that {@link Linalg#qr} returns, as PyTorch's
 * {@code torch.return_types.linalg_qr}: {@code q} has orthonormal columns, {@code r} is upper
 * triangular. The signs of {@code q}'s columns and {@code r}'s rows are not unique.
 *
 * <p>Shape: for {@code a [*b, m, n]} and {@code k = min(m, n)}, {@code q [*b, m, k]} and {@code
 * r [*b, k, n]}.
 *
 * @param q the orthonormal factor
 * @param r the upper-triangular factor
 */
public record QrDecomposition(Tensor q, Tensor r) {

  /** Takes handles of its own on both elements of a native tuple, which the caller then frees. */
  static QrDecomposition copyOf(T_TensorTensor_T pair) {
    return new QrDecomposition(Tensor.wrapBorrowed(pair.get0()), Tensor.wrapBorrowed(pair.get1()));
  }
}

package dev.shapetorch.tensor;

import org.bytedeco.pytorch.T_TensorTensorTensor_T;

/**
 * The reduced singular value decomposition {@code a = u @ diag(s) @ vh} that {@link
 * Linalg#svd} returns, as PyTorch's {@code torch.return_types.linalg_svd} with {@code
 * full_matrices=False}. The singular values are real, non-negative and descending; the signs of
 * the singular vectors are not unique.
 *
 * <p>Shape: for {@code a [*b, m, n]} and {@code k = min(m, n)}, {@code u [*b, m, k]}, {@code s
 * [*b, k]} and {@code vh [*b, k, n]}.
 *
 * @param u the left singular vectors, as columns
 * @param s the singular values, in descending order
 * @param vh the right singular vectors, as rows (V transposed)
 */
public record SvdDecomposition(Tensor u, Tensor s, Tensor vh) {

  /** Takes handles of its own on the elements of a native tuple, which the caller then frees. */
  static SvdDecomposition copyOf(T_TensorTensorTensor_T triple) {
    return new SvdDecomposition(Tensor.wrapBorrowed(triple.get0()),
        Tensor.wrapBorrowed(triple.get1()), Tensor.wrapBorrowed(triple.get2()));
  }
}

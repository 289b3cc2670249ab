package dev.shapetorch.tensor;

import dev.shapetorch.shapes.ScalarType;

import org.bytedeco.pytorch.T_TensorTensor_T;

/**
 * The values and (int64) indices that {@code max(dim)}, {@code min(dim)}, {@code sort}, {@code
 * topk}, {@code kthvalue}, {@code median(dim)}, {@code mode}, {@code cummax}, {@code cummin} and
 * the {@code ...WithIndices} max poolings return together, as PyTorch's {@code
 * torch.return_types.max}.
 *
 * <p>Shape: both tensors have the same shape.
 *
 * @param values the selected values, of the input's dtype, which the Shape Checker knows where
 *     it knows the input's: the op's {@code @DTypeEffect} gives the record that dtype, and {@code
 *     values()} hands it on ({@code x.max(1).values()} of a {@code float32} {@code x} is {@code
 *     @ScalarType("float32")})
 * @param indices where they were, along the reduced dim: always int64, which the Shape Checker
 *     knows ({@code x.max(1).indices()} is {@code @ScalarType("int64")})
 */
public record ValuesAndIndices(Tensor values, @ScalarType("int64") Tensor indices) {

  /**
   * Takes handles of their own on both elements of a native tuple, which the caller then frees
   * (the tuple's elements die with it).
   */
  static ValuesAndIndices copyOf(T_TensorTensor_T pair) {
    return new ValuesAndIndices(Tensor.wrapBorrowed(pair.get0()), Tensor.wrapBorrowed(pair.get1()));
  }
}

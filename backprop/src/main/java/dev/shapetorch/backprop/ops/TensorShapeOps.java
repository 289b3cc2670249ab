package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.tensor.Tensor;

/**
 * Ops that rearrange elements without changing them, with their gradients: {@code reshape} and
 * {@code transpose}. Reach them through {@link TensorOps}.
 *
 * <p>Shape: as {@code Torch.reshape} (at most one {@code -1}) and {@code Torch.transpose}; the
 * gradient is rearranged back to the input's shape.
 */
public class TensorShapeOps extends TensorReductionOps {
  TensorShapeOps() {}

  /**
   * The elements in a new shape; gradient {@code g} reshaped to the input's shape.
   *
   * @param shape the new sizes; one may be {@code -1}
   */
  public static Op<T1<Tensor>, Tensor> reshape(long... shape) {
    long[] sizes = shape.clone();
    return Op.op1(x -> OpResult.of(x.reshape(sizes), g -> g.reshape(x.shape())));
  }

  /**
   * Dimensions {@code dim0} and {@code dim1} swapped; gradient {@code g} with them swapped back.
   */
  public static Op<T1<Tensor>, Tensor> transpose(int dim0, int dim1) {
    return Op.op1(x -> OpResult.of(x.transpose(dim0, dim1), g -> g.transpose(dim0, dim1)));
  }
}

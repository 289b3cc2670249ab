package dev.shapetorch.distributed;

import org.bytedeco.pytorch.ReduceOp.RedOpType;

/**
 * How {@link ProcessGroup#allReduce} and {@link ProcessGroup#reduceScatter} combine the ranks'
 * tensors, element by element: PyTorch's {@code torch.distributed.ReduceOp}.
 */
public enum ReduceOp {
  /** The sum over ranks. */
  SUM(RedOpType.SUM),
  /** The mean over ranks (floating-point tensors only). */
  AVG(RedOpType.AVG),
  /** The product over ranks. */
  PRODUCT(RedOpType.PRODUCT),
  /** The minimum over ranks. */
  MIN(RedOpType.MIN),
  /** The maximum over ranks. */
  MAX(RedOpType.MAX);

  private final RedOpType nativeType;

  ReduceOp(RedOpType nativeType) {
    this.nativeType = nativeType;
  }

  /** c10d's reduction, for the native call. */
  org.bytedeco.pytorch.ReduceOp toNative() {
    return new org.bytedeco.pytorch.ReduceOp(nativeType);
  }
}

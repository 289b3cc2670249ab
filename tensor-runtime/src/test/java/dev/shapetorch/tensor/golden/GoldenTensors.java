package dev.shapetorch.tensor.golden;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Builds ShapeTorch tensors from fixture tensors. */
final class GoldenTensors {
  private GoldenTensors() {}

  /** A new tensor with the fixture tensor's shape, dtype and values. */
  static Tensor toTensor(GoldenTensor t) {
    long[] shape = t.shape();
    DType dtype = t.dtype();
    switch (dtype) {
      case FLOAT64:
        return Torch.fromArray(t.doubles(), shape);
      case FLOAT32:
        return Torch.fromArray(t.floats(), shape);
      case INT64:
        return Torch.fromArray(t.longs(), shape);
      case INT32:
        return Torch.fromArray(t.ints(), shape);
      case BOOL:
        return Torch.fromArray(t.booleans(), shape);
      case FLOAT16:
      case BFLOAT16:
        return Torch.fromArray(t.floats(), shape).to(dtype);
      default:
        return Torch.fromArray(t.longs(), shape).to(dtype);
    }
  }
}

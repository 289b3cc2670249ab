package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.internal.UserCall;

/**
 * This package's side of {@link NativeTensors}: what ShapeTorch's other packages may reach of a
 * tensor's natives, installed by {@link TensorCore}'s static initialiser. Package-private.
 */
final class NativeAccess implements NativeTensors.Access {

  @Override
  public org.bytedeco.pytorch.Tensor handle(Tensor t, String op, String param) {
    if (t == null) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": " + param + " is null; pass a tensor");
    }
    return t.h(op);
  }

  @Override
  public Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
    return Tensor.wrap(handle);
  }

  @Override
  public RuntimeException fail(String op, RuntimeException e, Tensor... inputs) {
    return Natives.fail(op, e, inputs);
  }

  @Override
  public String describe(Tensor t) {
    return t == null ? "null" : t.describe();
  }

  @Override
  public String attribute(String op) {
    return UserCall.attribute(op);
  }
}

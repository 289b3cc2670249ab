package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import org.bytedeco.pytorch.global.torch;

/**
 * Copies and conversions: {@code to(dtype)}, {@code to(device)}, {@code clone}, {@code
 * contiguous}. Part of the {@link Torch} chain: call them as {@code Torch.clone(x)} or {@code
 * x.to(DType.FLOAT64)}.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}).
 */
public abstract class ConversionOps extends IndexingOps {

  ConversionOps() {}

  /**
   * The values converted to {@code dtype} (the same tensor when it already has it), as {@code
   * x.to(dtype)}. Floating to integer truncates toward zero.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor x, DType dtype) {
    org.bytedeco.pytorch.Tensor h = x.h();
    try {
      return Tensor.wrap(h.to(dtype.scalarType()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.to", e, x);
    }
  }

  /**
   * The values on {@code device} (the same memory when already there), as {@code x.to(device)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws TorchException if the device is not available (no CUDA build or driver)
   */
  public static @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor x, Device device) {
    org.bytedeco.pytorch.Tensor h = x.h();
    if (device.isCuda() && !Device.isCudaAvailable()) {
      throw new IllegalArgumentException(
          "Torch.to: " + device + " is not available: libtorch sees no CUDA device (run with the"
              + " CUDA build of the presets, Maven profile -Pcuda, on a machine with a driver)");
    }
    try (org.bytedeco.pytorch.Device d = device.toNative()) {
      return Tensor.wrap(h.to(d, h.scalar_type()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.to", e, x);
    }
  }

  /**
   * A copy with its own memory, as {@code torch.clone(x)}; autograd tracks it.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor clone(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = x.h();
    try {
      return Tensor.wrap(torch.clone(h));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.clone", e, x);
    }
  }

  /**
   * The values in row-major contiguous memory (the same tensor when already so), as {@code
   * x.contiguous()}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  public static @Shape({"*s"}) Tensor contiguous(@Shape({"*s"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = x.h();
    try {
      return Tensor.wrap(h.contiguous());
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.contiguous", e, x);
    }
  }
}

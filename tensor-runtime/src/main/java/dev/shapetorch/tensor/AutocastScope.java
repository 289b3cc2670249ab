package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Mixed precision for the code it encloses, as PyTorch's {@code with torch.autocast(device,
 * dtype):}. Obtain it from {@link Torch#autocast(Device)}:
 *
 * <pre>{@code
 * try (var ac = Torch.autocast(Device.CPU)) {            // bfloat16 on the CPU
 *   Tensor logits = model.forward(x);                   // linear, conv, matmul run in bfloat16
 *   loss = F.crossEntropy(logits, y);                   // losses and reductions in float32
 * }
 * loss.backward();                                      // outside the scope, as in PyTorch
 * }</pre>
 *
 * <p>Inside, libtorch's autocast dispatch casts the inputs of the ops on its lower-precision list
 * (matrix products, convolutions, linear layers) to the scope's dtype, keeps the ops on its
 * float32 list (losses, softmax, norms, reductions) in float32, and runs the rest in the widest
 * input dtype. Parameters stay float32; their gradients come back in float32. The cast copies of
 * weights are cached for the scope and dropped when the outermost scope closes.
 *
 * <p>Scopes nest; closing one restores the enabled flag and dtype in force when it was opened.
 * The state is per thread: close the scope on the thread that opened it.
 */
public final class AutocastScope implements AutoCloseable {

  private final DeviceType deviceType;
  private final boolean previousEnabled;
  private final ScalarType previousDtype;
  private final Thread thread;
  private boolean closed;

  AutocastScope(Device device, DType dtype, boolean enabled) {
    NativeLibrary.ensureLoaded();
    if (device == null || dtype == null) {
      throw new IllegalArgumentException("Torch.autocast: the device and the dtype must not be"
          + " null");
    }
    if (dtype != DType.BFLOAT16 && dtype != DType.FLOAT16) {
      throw new IllegalArgumentException("Torch.autocast: " + dtype.name() + " is not a lower precision;"
          + " autocast runs in BFLOAT16 or FLOAT16 (BFLOAT16 is the CPU's default, FLOAT16 the"
          + " GPU's)");
    }
    if (device.isCuda() && !Device.isCudaAvailable()) {
      throw new IllegalStateException("Torch.autocast: CUDA is not available; use Device.CPU, or"
          + " build with the Maven profile -Pcuda on a machine with an NVIDIA driver");
    }
    this.deviceType = device.isCuda() ? DeviceType.CUDA : DeviceType.CPU;
    this.previousEnabled = torch.is_autocast_enabled(deviceType);
    this.previousDtype = torch.get_autocast_dtype(deviceType);
    this.thread = Thread.currentThread();
    torch.set_autocast_enabled(deviceType, enabled);
    torch.set_autocast_dtype(deviceType, dtype.scalarType());
    torch.increment_nesting();
  }

  /**
   * Restores the autocast state in force when this scope was opened; the outermost scope also
   * drops the cached casts of weights. Calling it again does nothing.
   *
   * @throws IllegalStateException if called from another thread than the one that opened it
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("Torch.autocast: the scope must be closed on the thread"
          + " that opened it (" + thread.getName() + "), not on "
          + Thread.currentThread().getName());
    }
    closed = true;
    if (torch.decrement_nesting() == 0) {
      torch.clear_cache();
    }
    torch.set_autocast_enabled(deviceType, previousEnabled);
    torch.set_autocast_dtype(deviceType, previousDtype);
  }
}

package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.UserCall;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch;

/**
 * Where a tensor's memory lives, as PyTorch's {@code torch.device}: {@link #CPU} or {@link
 * #cuda(int) cuda:i}.
 *
 * <p>CUDA devices exist only when the CUDA build of the presets is on the class path (Maven
 * profile {@code -Pcuda}) and a driver is present; {@link #isCudaAvailable()} says so. Values are
 * immutable and compare by type and index.
 */
public final class Device {

  /** The kind of a device. */
  public enum Type {
    /** The host's memory. */
    CPU,
    /** An NVIDIA GPU. */
    CUDA
  }

  /** The CPU, the default device. */
  public static final Device CPU = new Device(Type.CPU, -1);

  private static final Device[] CUDA_DEVICES = new Device[16];

  static {
    for (int i = 0; i < CUDA_DEVICES.length; i++) {
      CUDA_DEVICES[i] = new Device(Type.CUDA, i);
    }
  }

  private final Type type;
  private final int index;

  private Device(Type type, int index) {
    this.type = type;
    this.index = index;
  }

  /**
   * The CUDA device with this index ({@code cuda:index}).
   *
   * @throws IllegalArgumentException if the index is negative or above 127 (libtorch keeps a
   *     device index in 8 bits)
   */
  public static Device cuda(int index) {
    if (index < 0 || index > Byte.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Device.cuda: the device index must be 0 to 127, got " + index);
    }
    return index < CUDA_DEVICES.length ? CUDA_DEVICES[index] : new Device(Type.CUDA, index);
  }

  /** True if libtorch was built with CUDA and sees at least one GPU. */
  public static boolean isCudaAvailable() {
    NativeLibrary.ensureLoaded();
    return torch.cuda_is_available();
  }

  /** The number of CUDA devices libtorch sees (0 without CUDA). */
  public static int cudaDeviceCount() {
    NativeLibrary.ensureLoaded();
    return torch.cuda_is_available() ? torch.cuda_device_count() : 0;
  }

  /** The kind of device. */
  public Type type() {
    return type;
  }

  /** The device index, or -1 for the CPU. */
  public int index() {
    return index;
  }

  /** True for the CPU. */
  public boolean isCpu() {
    return type == Type.CPU;
  }

  /** True for a CUDA device. */
  public boolean isCuda() {
    return type == Type.CUDA;
  }

  /**
   * The libtorch device (a new native object the caller closes).
   *
   * @throws IllegalArgumentException naming the op the user called if this is a CUDA device and
   *     libtorch has none (libtorch's own error is a page of text about its build)
   */
  org.bytedeco.pytorch.Device toNative() {
    NativeLibrary.ensureLoaded();
    if (type == Type.CUDA && !torch.cuda_is_available()) {
      String op = UserCall.op();
      throw new IllegalArgumentException((op == null ? "" : op + ": ") + this
          + " is not available: this build of libtorch has no CUDA or sees no GPU. Use the"
          + " CUDA build of the presets (Maven profile -Pcuda, the pytorch-gpu and cuda"
          + " artifacts) on a machine with an NVIDIA driver, or Device.CPU");
    }
    return type == Type.CPU
        ? new org.bytedeco.pytorch.Device(DeviceType.CPU)
        : new org.bytedeco.pytorch.Device(DeviceType.CUDA, (byte) index);
  }

  /** The device of a libtorch device. */
  static Device of(org.bytedeco.pytorch.Device d) {
    if (d.is_cpu()) {
      return CPU;
    }
    if (d.is_cuda()) {
      return cuda(d.has_index() ? d.index() : 0);
    }
    throw new IllegalArgumentException(
        "ShapeTorch does not support libtorch device " + d.str().getString()
            + "; move the tensor to the CPU or a CUDA device");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Device && ((Device) o).type == type && ((Device) o).index == index;
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + index;
  }

  /** PyTorch's spelling: {@code cpu}, {@code cuda:0}. */
  @Override
  public String toString() {
    return type == Type.CPU ? "cpu" : "cuda:" + index;
  }
}

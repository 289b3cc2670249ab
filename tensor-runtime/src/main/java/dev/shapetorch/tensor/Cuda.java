package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.global.torch;

/**
 * The CUDA utilities PyTorch keeps under {@code torch.cuda} that training code calls:
 * availability, device count, synchronisation, the caching allocator's cache and its memory
 * counts. On the CPU build
 * of libtorch (the default artifact) they behave as PyTorch's do without CUDA: the queries answer
 * false or 0 (the memory counts too), {@link #emptyCache()} does nothing, and {@link #synchronize()} fails with a message
 * that says how to get CUDA.
 *
 * <pre>{@code
 * if (Cuda.isAvailable()) {
 *   Cuda.synchronize();   // wait for queued kernels before reading a timer
 * }
 * }</pre>
 */
public final class Cuda {
  private Cuda() {}

  /** True if libtorch was built with CUDA and sees a GPU, as {@code torch.cuda.is_available()}. */
  public static boolean isAvailable() {
    return Device.isCudaAvailable();
  }

  /** The number of GPUs libtorch sees, 0 without CUDA, as {@code torch.cuda.device_count()}. */
  public static int deviceCount() {
    return Device.cudaDeviceCount();
  }

  /**
   * Waits until every kernel queued on the current GPU has finished, as {@code
   * torch.cuda.synchronize()}.
   *
   * @throws IllegalStateException without CUDA
   */
  public static void synchronize() {
    requireCuda("Cuda.synchronize");
    torch.cuda_synchronize();
  }

  /**
   * Waits until every kernel queued on GPU {@code device} has finished, as {@code
   * torch.cuda.synchronize(device)}.
   *
   * @throws IllegalStateException without CUDA
   * @throws IllegalArgumentException if there is no such GPU
   */
  public static void synchronize(int device) {
    requireCuda("Cuda.synchronize");
    if (device < 0 || device >= deviceCount()) {
      throw new IllegalArgumentException("Cuda.synchronize: no GPU " + device + "; this machine"
          + " has " + deviceCount() + " (indices 0 to " + (deviceCount() - 1) + ")");
    }
    torch.cuda_synchronize(device);
  }

  /**
   * Returns the caching allocator's unused GPU memory to the driver, as {@code
   * torch.cuda.empty_cache()}; does nothing without CUDA, as PyTorch's.
   */
  public static void emptyCache() {
    if (isAvailable()) {
      torch.emptyCache();
    }
  }

  /**
   * The bytes of GPU memory that tensors on the current GPU occupy now, as {@code
   * torch.cuda.memory_allocated()}; 0 without CUDA, as PyTorch's.
   */
  public static long memoryAllocated() {
    return stat(Stat.ALLOCATED_CURRENT);
  }

  /**
   * The most bytes tensors on the current GPU have occupied since the program started, as {@code
   * torch.cuda.max_memory_allocated()}; 0 without CUDA.
   */
  public static long maxMemoryAllocated() {
    return stat(Stat.ALLOCATED_PEAK);
  }

  /**
   * The bytes the caching allocator holds on the current GPU (occupied or cached), as {@code
   * torch.cuda.memory_reserved()}; 0 without CUDA.
   */
  public static long memoryReserved() {
    return stat(Stat.RESERVED_CURRENT);
  }

  private enum Stat { ALLOCATED_CURRENT, ALLOCATED_PEAK, RESERVED_CURRENT }

  private static long stat(Stat which) {
    if (!isAvailable()) {
      return 0;
    }
    // The accelerator's device stats: StatType AGGREGATE is the first element of each array.
    try (org.bytedeco.pytorch.cuda.DeviceStats stats =
        torch.getDeviceStats(torch.getDeviceIndex())) {
      return switch (which) {
        case ALLOCATED_CURRENT -> stats.allocated_bytes().current();
        case ALLOCATED_PEAK -> stats.allocated_bytes().peak();
        case RESERVED_CURRENT -> stats.reserved_bytes().current();
      };
    }
  }

  private static void requireCuda(String op) {
    NativeLibrary.ensureLoaded();
    if (!torch.cuda_is_available()) {
      throw new IllegalStateException(op + ": CUDA is not available: this libtorch is the CPU"
          + " build or sees no GPU. Build with the Maven profile -Pcuda (the CUDA artifacts of"
          + " the presets) on a machine with an NVIDIA driver, or guard the call with"
          + " Cuda.isAvailable()");
    }
  }
}

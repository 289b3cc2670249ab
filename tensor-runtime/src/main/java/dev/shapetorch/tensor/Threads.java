package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.global.torch;

/**
 * libtorch's intra-op thread pool, as PyTorch's {@code torch.set_num_threads} and {@code
 * torch.get_num_threads}. Set it once, early: trainers and benchmarks that compare with Python
 * give both the same count.
 *
 * <pre>{@code
 * Threads.setNumThreads(2);
 * }</pre>
 *
 * <p>Idle workers sleep instead of spinning: ShapeTorch sets {@code OMP_WAIT_POLICY=PASSIVE} for
 * the OpenMP runtime before it loads, unless the environment already sets a policy.
 */
public final class Threads {

  private Threads() {}

  /**
   * Sets the number of threads ops may use.
   *
   * @throws IllegalArgumentException if {@code n} is not positive, or more than 4 per processor
   *     this JVM sees (at least 64 are always allowed): libtorch would accept it and then spend
   *     minutes creating threads, or fail every later op that runs in parallel
   */
  public static void setNumThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Threads.setNumThreads: need at least 1 thread, got " + n);
    }
    int limit = Math.max(64, 4 * Runtime.getRuntime().availableProcessors());
    if (n > limit) {
      throw new IllegalArgumentException("Threads.setNumThreads: " + n + " threads is more than"
          + " the limit of " + limit + " (4 per processor this JVM sees, at least 64); the"
          + " number of processors (" + Runtime.getRuntime().availableProcessors() + ") is"
          + " usually fastest");
    }
    NativeLibrary.ensureLoaded();
    torch.set_num_threads(n);
  }

  /** The number of threads ops may use. */
  public static int getNumThreads() {
    NativeLibrary.ensureLoaded();
    return torch.get_num_threads();
  }
}

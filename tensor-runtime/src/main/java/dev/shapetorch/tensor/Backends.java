package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.global.torch;

/**
 * The backend switches PyTorch keeps under {@code torch.backends}: {@link Cudnn} for {@code
 * torch.backends.cudnn} and {@link Mkldnn} for {@code torch.backends.mkldnn} (oneDNN). Python's
 * attributes become a getter and a setter:
 *
 * <pre>{@code
 * Backends.Cudnn.setBenchmark(true);        // torch.backends.cudnn.benchmark = True
 * Backends.Cudnn.setDeterministic(true);    // torch.backends.cudnn.deterministic = True
 * boolean onednn = Backends.Mkldnn.isAvailable();
 * }</pre>
 *
 * <p>The settings are global to the process, as in PyTorch. Without cuDNN (the CPU build) the
 * cuDNN switches are kept and read back but change nothing.
 */
public final class Backends {
  private Backends() {}

  /** {@code torch.backends.cudnn}: NVIDIA's cuDNN, used by CUDA convolutions when present. */
  public static final class Cudnn {
    private Cudnn() {}

    /** True if libtorch was built with cuDNN, as {@code torch.backends.cudnn.is_available()}. */
    public static boolean isAvailable() {
      NativeLibrary.ensureLoaded();
      return org.bytedeco.pytorch.Context.hasCuDNN();
    }

    /** cuDNN's version (e.g. 90100), or 0 without cuDNN, as {@code torch.backends.cudnn.version()}. */
    public static long version() {
      return isAvailable() ? org.bytedeco.pytorch.Context.versionCuDNN() : 0;
    }

    /** True if CUDA ops may use cuDNN ({@code torch.backends.cudnn.enabled}, default true). */
    public static boolean isEnabled() {
      NativeLibrary.ensureLoaded();
      return torch.globalContext().userEnabledCuDNN();
    }

    /** Lets CUDA ops use cuDNN, or not ({@code torch.backends.cudnn.enabled = enabled}). */
    public static void setEnabled(boolean enabled) {
      NativeLibrary.ensureLoaded();
      torch.globalContext().setUserEnabledCuDNN(enabled);
    }

    /**
     * True if cuDNN times several algorithms per input shape and keeps the fastest ({@code
     * torch.backends.cudnn.benchmark}, default false).
     */
    public static boolean isBenchmark() {
      NativeLibrary.ensureLoaded();
      return torch.globalContext().benchmarkCuDNN();
    }

    /** Sets {@code torch.backends.cudnn.benchmark}: fast for fixed shapes, not reproducible. */
    public static void setBenchmark(boolean benchmark) {
      NativeLibrary.ensureLoaded();
      torch.globalContext().setBenchmarkCuDNN(benchmark);
    }

    /** True if cuDNN may only pick deterministic algorithms ({@code torch.backends.cudnn.deterministic}). */
    public static boolean isDeterministic() {
      NativeLibrary.ensureLoaded();
      return torch.globalContext().deterministicCuDNN();
    }

    /** Sets {@code torch.backends.cudnn.deterministic}. */
    public static void setDeterministic(boolean deterministic) {
      NativeLibrary.ensureLoaded();
      torch.globalContext().setDeterministicCuDNN(deterministic);
    }
  }

  /**
   * {@code torch.backends.mkldnn}: Intel's oneDNN, used by CPU convolutions and some matrix ops.
   * ShapeTorch already routes the convolutions that oneDNN computes wrongly on some CPUs to a
   * reference kernel (docs/runtime.md); this switch turns oneDNN off for every op.
   */
  public static final class Mkldnn {
    private Mkldnn() {}

    /** True if libtorch was built with oneDNN, as {@code torch.backends.mkldnn.is_available()}. */
    public static boolean isAvailable() {
      NativeLibrary.ensureLoaded();
      return org.bytedeco.pytorch.Context.hasMKLDNN();
    }

    /** True if CPU ops may use oneDNN ({@code torch.backends.mkldnn.enabled}, default true). */
    public static boolean isEnabled() {
      NativeLibrary.ensureLoaded();
      return torch.globalContext().userEnabledMkldnn();
    }

    /** Lets CPU ops use oneDNN, or not ({@code torch.backends.mkldnn.enabled = enabled}). */
    public static void setEnabled(boolean enabled) {
      NativeLibrary.ensureLoaded();
      torch.globalContext().setUserEnabledMkldnn(enabled);
    }

    /** True if oneDNN may only pick deterministic algorithms ({@code torch.backends.mkldnn.deterministic}). */
    public static boolean isDeterministic() {
      NativeLibrary.ensureLoaded();
      return torch.globalContext().deterministicMkldnn();
    }

    /** Sets {@code torch.backends.mkldnn.deterministic}. */
    public static void setDeterministic(boolean deterministic) {
      NativeLibrary.ensureLoaded();
      torch.globalContext().setDeterministicMkldnn(deterministic);
    }
  }
}

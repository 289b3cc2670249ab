package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.global.torch;

/**
 * Global switches that PyTorch exposes as {@code torch.*} functions: deterministic algorithms,
 * flushing denormals, the float32 matmul precision, print options. Declarations ({@link Variants});
 * the public forms are generated into {@link Torch}. The cuDNN and oneDNN switches ({@code
 * torch.backends.*}) are in {@link Backends}.
 */
final class BackendOps {
  private BackendOps() {}

  /**
   * Makes ops use deterministic algorithms, or fail when they have none, as {@code
   * torch.use_deterministic_algorithms(mode)}. While on, {@code Torch.empty} and other
   * uninitialised memory is filled (floats with NaN, integers with their largest value), as in
   * PyTorch 2.x, so that reading it is reproducible.
   */
  @Variants(Variant.FUNCTION)
  static void useDeterministicAlgorithms(boolean mode) {
    useDeterministicAlgorithms(mode, false);
  }

  /**
   * As {@link Torch#useDeterministicAlgorithms(boolean)}; with {@code warnOnly}, an op without a
   * deterministic algorithm warns instead of failing ({@code warn_only=True}).
   */
  @Variants(Variant.FUNCTION)
  static void useDeterministicAlgorithms(boolean mode, boolean warnOnly) {
    NativeLibrary.ensureLoaded();
    torch.globalContext().setDeterministicAlgorithms(mode, warnOnly);
  }

  /** True while deterministic algorithms are required, as {@code torch.are_deterministic_algorithms_enabled()}. */
  @Variants(Variant.FUNCTION)
  static boolean areDeterministicAlgorithmsEnabled() {
    NativeLibrary.ensureLoaded();
    return torch.globalContext().deterministicAlgorithms();
  }

  /**
   * True if deterministic mode only warns, as {@code
   * torch.is_deterministic_algorithms_warn_only_enabled()}.
   */
  @Variants(Variant.FUNCTION)
  static boolean isDeterministicAlgorithmsWarnOnlyEnabled() {
    NativeLibrary.ensureLoaded();
    return torch.globalContext().deterministicAlgorithmsWarnOnly();
  }

  /**
   * Treats denormal floats as zero on the CPU, as {@code torch.set_flush_denormal(mode)}.
   *
   * @return true if the CPU supports it (x86 with SSE3), false if nothing changed
   */
  @Variants(Variant.FUNCTION)
  static boolean setFlushDenormal(boolean mode) {
    NativeLibrary.ensureLoaded();
    return org.bytedeco.pytorch.Context.setFlushDenormal(mode);
  }

  /**
   * Sets how tensors print from now on, in every thread, as {@code torch.set_printoptions}:
   * {@code Torch.setPrintOptions(PrintOptions.DEFAULT.withPrecision(2))}; {@link
   * PrintOptions#DEFAULT}, {@link PrintOptions#SHORT} and {@link PrintOptions#FULL} are PyTorch's
   * profiles.
   */
  @Variants(Variant.FUNCTION)
  static void setPrintOptions(PrintOptions options) {
    Arguments.requireNonNull(options, "options");
    TensorFormatter.setOptions(options);
  }

  /** The print options in force ({@link Torch#setPrintOptions}). */
  @Variants(Variant.FUNCTION)
  static PrintOptions getPrintOptions() {
    return TensorFormatter.options();
  }

  /**
   * Sets the internal precision of float32 matrix products, as {@code
   * torch.set_float32_matmul_precision(precision)}: {@code "highest"} (the default), {@code
   * "high"} or {@code "medium"} (which let CUDA use TF32 or bfloat16 internally).
   *
   * @throws IllegalArgumentException for another name
   */
  @Variants(Variant.FUNCTION)
  static void setFloat32MatmulPrecision(String precision) {
    if (!"highest".equals(precision) && !"high".equals(precision)
        && !"medium".equals(precision)) {
      throw new IllegalArgumentException("Torch.setFloat32MatmulPrecision: \"" + precision
          + "\" is not a precision; use \"highest\", \"high\" or \"medium\"");
    }
    NativeLibrary.ensureLoaded();
    torch.globalContext().setFloat32MatmulPrecision(precision);
  }

  /**
   * The float32 matmul precision, as {@code torch.get_float32_matmul_precision()}: {@code
   * "highest"}, {@code "high"} or {@code "medium"}.
   */
  @Variants(Variant.FUNCTION)
  static String getFloat32MatmulPrecision() {
    NativeLibrary.ensureLoaded();
    // JavaCPP enums are compared by value: a returned constant need not be the same instance.
    int v = torch.globalContext().float32MatmulPrecision().value;
    if (v == torch.Float32MatmulPrecision.HIGH.value) {
      return "high";
    }
    return v == torch.Float32MatmulPrecision.MEDIUM.value ? "medium" : "highest";
  }
}

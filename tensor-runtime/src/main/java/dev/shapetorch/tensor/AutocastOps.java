package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;

/**
 * Mixed precision: {@code Torch.autocast} scopes ({@link AutocastScope}) and their state.
 * Declarations ({@link Variants}); the public forms are generated into {@link Torch}. The gradient
 * scaler that float16 training needs is {@code dev.shapetorch.amp.GradScaler}.
 */
final class AutocastOps {
  private AutocastOps() {}

  /**
   * Opens an autocast scope on {@code device} in its default lower precision, as {@code
   * torch.autocast(device_type)}: {@link DType#BFLOAT16} on the CPU, {@link DType#FLOAT16} on a
   * GPU.
   */
  @Variants(Variant.FUNCTION)
  static AutocastScope autocast(Device device) {
    return new AutocastScope(device, device != null && device.isCuda() ? DType.FLOAT16
        : DType.BFLOAT16, true);
  }

  /**
   * Opens an autocast scope on {@code device} in {@code dtype} ({@link DType#BFLOAT16} or {@link
   * DType#FLOAT16}), as {@code torch.autocast(device_type, dtype=dtype)}.
   */
  @Variants(Variant.FUNCTION)
  static AutocastScope autocast(Device device, DType dtype) {
    return new AutocastScope(device, dtype, true);
  }

  /**
   * As {@link Torch#autocast(Device, DType)}; with {@code enabled} false the scope turns autocast
   * off inside an enclosing one ({@code torch.autocast(..., enabled=False)}).
   */
  @Variants(Variant.FUNCTION)
  static AutocastScope autocast(Device device, DType dtype, boolean enabled) {
    return new AutocastScope(device, dtype, enabled);
  }

  /** True inside an enabled autocast scope for {@code device}'s type, as {@code torch.is_autocast_enabled(device_type)}. */
  @Variants(Variant.FUNCTION)
  static boolean isAutocastEnabled(Device device) {
    Arguments.requireNonNull(device, "device");
    NativeLibrary.ensureLoaded();
    return torch.is_autocast_enabled(device.isCuda() ? DeviceType.CUDA : DeviceType.CPU);
  }
}

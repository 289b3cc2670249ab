package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import org.bytedeco.pytorch.global.torch;

/**
 * Copies and conversions: {@code to(dtype)}, {@code to(device)}, {@code clone}, {@code
 * contiguous}, and the memory layout ({@link MemoryFormat}: {@code to(format)}, {@code
 * contiguous(format)}, {@code isContiguous}, {@code suggestMemoryFormat}, {@code stride}), and pinned host memory ({@code pinMemory}, {@code isPinned}). Part of the {@link Torch} chain: call them as {@code Torch.clone(x)} or {@code
 * x.to(DType.FLOAT64)}.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}).
 */
final class ConversionOps {

  private ConversionOps() {}

  /**
   * The values converted to {@code dtype} (the same tensor when it already has it), as {@code
   * x.to(dtype)}. Floating to integer truncates toward zero.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FROM_DTYPE_ARG, args = {"dtype"})
  static @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor x, DType dtype) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.call("Torch.to", () -> h.to(dtype.scalarType()), x);
  }

  /**
   * The values on {@code device} (the same memory when already there), as {@code x.to(device)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws TorchException if the device is not available (no CUDA build or driver)
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor x, Device device) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    Arguments.requireNonNull(device, "device");
    if (device.isCuda() && !Device.isCudaAvailable()) {
      throw new IllegalArgumentException(
          UserCall.attribute("Torch.to") + ": " + device + " is not available: libtorch sees no CUDA device (run with the"
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
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor clone(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.clone", x, "x", torch::clone);
  }

  /**
   * The values in row-major contiguous memory (the same tensor when already so), as {@code
   * x.contiguous()}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor contiguous(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.contiguous", x, "x", org.bytedeco.pytorch.Tensor::contiguous);
  }

  /**
   * The values in {@code format}'s layout, as {@code x.contiguous(memory_format=format)}: the
   * same tensor when it is already contiguous in that layout. A {@code [N, 1, H, W]} tensor is
   * contiguous in both row-major and channels-last layouts, so it comes back as it is; use
   * {@link #to(Tensor, MemoryFormat)} to get channels-last strides on it.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code format} does not apply to the tensor's rank, or
   *     is {@link MemoryFormat#PRESERVE} (which has no layout of its own)
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor contiguous(@Shape({"*s"}) Tensor x, MemoryFormat format) {
    String op = "Torch.contiguous";
    if (format == MemoryFormat.PRESERVE) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": PRESERVE is not a layout to make a tensor"
          + " contiguous in; give CONTIGUOUS, CHANNELS_LAST or CHANNELS_LAST_3D");
    }
    requireRank(op, x, format);
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.call(op, () -> h.contiguous(format.toNative()), x);
  }

  /**
   * The values laid out as {@code format}, as {@code x.to(memory_format=format)}: the same
   * tensor when libtorch already reads it as that layout ({@link #suggestMemoryFormat}), else a
   * copy with the layout's strides, e.g. {@code (HW, 1, W, 1)} for a {@code [N, 1, H, W]}
   * tensor made channels-last. Autograd tracks it. {@link MemoryFormat#PRESERVE} returns the
   * tensor.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code format} does not apply to the tensor's rank
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor to(@Shape({"*s"}) Tensor x, MemoryFormat format) {
    String op = "Torch.to";
    requireRank(op, x, format);
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (org.bytedeco.pytorch.MemoryFormatOptional f =
        new org.bytedeco.pytorch.MemoryFormatOptional(format.toNative())) {
      return Tensor.wrap(h.to(h.scalar_type(), false, false, f));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * True if {@code x}'s strides are those of a contiguous tensor in {@code format}'s layout, as
   * {@code x.is_contiguous(memory_format=format)}. False (not an error) when the layout does not
   * apply to the tensor's rank.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static boolean isContiguous(Tensor x, MemoryFormat format) {
    Natives.h(x, "x");
    Arguments.requireNonNull(format, "format");
    if (format == MemoryFormat.PRESERVE) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.isContiguous") + ": PRESERVE is not a layout to test;"
          + " give CONTIGUOUS, CHANNELS_LAST or CHANNELS_LAST_3D");
    }
    if (!format.appliesTo(x.dim())) {
      return false;
    }
    return x.h().is_contiguous(format.toNative());
  }

  /**
   * The layout libtorch reads {@code x}'s strides as, as {@code x.suggest_memory_format()} (the
   * format kernels choose their output layout by): {@link MemoryFormat#CHANNELS_LAST} for a 4-d
   * tensor with channels-last strides, {@link MemoryFormat#CONTIGUOUS} otherwise and in every
   * ambiguous case.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static MemoryFormat suggestMemoryFormat(Tensor x) {
    return MemoryFormat.fromNative(Natives.h(x, "x").suggest_memory_format());
  }

  /**
   * The step in elements between neighbours along each dimension, as {@code x.stride()}: {@code
   * (12, 4, 1)} for a contiguous {@code [2, 3, 4]} tensor.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static long[] stride(Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    long[] s = new long[(int) h.dim()];
    for (int d = 0; d < s.length; d++) {
      s[d] = h.stride(d);
    }
    return s;
  }

  /**
   * A copy of this CPU tensor in page-locked (pinned) host memory, as {@code x.pin_memory()}: a
   * copy from pinned memory to a CUDA device can run asynchronously ({@code to(device)} while
   * the GPU computes). When it is already pinned the result shares its memory; autograd tracks
   * the copy.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalStateException if CUDA is not available (pinned memory is CUDA's; PyTorch
   *     raises too), see {@link Device#isCudaAvailable()}
   * @throws IllegalArgumentException if the tensor is not on the CPU (only CPU tensors can be
   *     pinned)
   */
  @Variants(Variant.METHOD)
  static @Shape({"*s"}) Tensor pinMemory(@Shape({"*s"}) Tensor self) {
    String op = "Tensor.pinMemory";
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    if (!Device.isCudaAvailable()) {
      throw new IllegalStateException(op + ": CUDA is not available, and pinned memory is"
          + " CUDA's: run with the CUDA build of the presets (Maven profile -Pcuda) on a machine"
          + " with a driver, or leave the tensor unpinned (check Device.isCudaAvailable() first)");
    }
    if (!self.device().isCpu()) {
      throw new IllegalArgumentException(op + ": cannot pin a tensor on " + self.device()
          + "; only CPU tensors can be pinned");
    }
    return Natives.call(op, h::pin_memory, self);
  }

  /**
   * True if this tensor's memory is page-locked (pinned) host memory, as {@code x.is_pinned()}:
   * false for every tensor when CUDA is not available, and for tensors on a device.
   */
  @Variants(Variant.METHOD)
  static boolean isPinned(Tensor self) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    if (!Device.isCudaAvailable() || !self.device().isCpu()) {
      return false;
    }
    try {
      return h.is_pinned();
    } catch (RuntimeException e) {
      throw Natives.fail("Tensor.isPinned", e, self);
    }
  }

  private static void requireRank(String op, Tensor x, MemoryFormat format) {
    Natives.h(x, "x");
    Arguments.requireNonNull(format, "format");
    if (!format.appliesTo(x.dim())) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": " + format + " lays out " + format.rank()
          + "-d tensors, but this tensor is " + x.dim() + "-d with shape "
          + java.util.Arrays.toString(x.shape())
          + (format == MemoryFormat.CHANNELS_LAST && x.dim() == 5
              ? " (5-d volumes take CHANNELS_LAST_3D)" : ""));
    }
  }
}

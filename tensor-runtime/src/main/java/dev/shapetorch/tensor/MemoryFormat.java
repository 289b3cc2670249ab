package dev.shapetorch.tensor;

/**
 * How a tensor's elements are laid out in memory, as PyTorch's {@code torch.memory_format}. The
 * layout never changes a tensor's shape or values, only its strides, and with them which
 * kernels libtorch picks and how fast they run.
 *
 * <pre>{@code
 * Tensor x = Torch.randn(8, 3, 32, 32);                  // [N, C, H, W], strides (3072, 1024, 32, 1)
 * Tensor y = x.to(MemoryFormat.CHANNELS_LAST);          // same shape, strides (3072, 1, 96, 3)
 * model.to(MemoryFormat.CHANNELS_LAST);                 // every 4-d parameter and buffer
 * }</pre>
 *
 * <p>On the CPU, convolution networks usually train faster channels-last: oneDNN convolves
 * NHWC data without reordering it, and pooling, batch norm and the pointwise ops have kernels
 * vectorised over channels. Put the model's weights in that format ({@code
 * Module.to(MemoryFormat)}) and convolutions produce channels-last results from then on.
 *
 * <p>Shape: a layout applies to tensors of a given rank: {@link #CHANNELS_LAST} to 4-d {@code
 * [N, C, H, W]}, {@link #CHANNELS_LAST_3D} to 5-d {@code [N, C, D, H, W]}; {@link #CONTIGUOUS}
 * and {@link #PRESERVE} to any.
 */
public enum MemoryFormat {
  /** Row-major: the last dimension varies fastest ({@code torch.contiguous_format}). */
  CONTIGUOUS(org.bytedeco.pytorch.global.torch.MemoryFormat.Contiguous, -1),
  /** Keep the input's layout where it has a recognisable one ({@code torch.preserve_format}). */
  PRESERVE(org.bytedeco.pytorch.global.torch.MemoryFormat.Preserve, -1),
  /** NHWC: channels vary fastest in a 4-d {@code [N, C, H, W]} tensor ({@code torch.channels_last}). */
  CHANNELS_LAST(org.bytedeco.pytorch.global.torch.MemoryFormat.ChannelsLast, 4),
  /** NDHWC: channels vary fastest in a 5-d tensor ({@code torch.channels_last_3d}). */
  CHANNELS_LAST_3D(org.bytedeco.pytorch.global.torch.MemoryFormat.ChannelsLast3d, 5);

  private final org.bytedeco.pytorch.global.torch.MemoryFormat nativeFormat;
  private final int rank;

  MemoryFormat(org.bytedeco.pytorch.global.torch.MemoryFormat nativeFormat, int rank) {
    this.nativeFormat = nativeFormat;
    this.rank = rank;
  }

  /** The rank this layout needs, or -1 when it applies to every rank. */
  public int rank() {
    return rank;
  }

  /** True if a tensor of {@code dim} dimensions can be laid out this way. */
  public boolean appliesTo(int dim) {
    return rank < 0 || rank == dim;
  }

  org.bytedeco.pytorch.global.torch.MemoryFormat toNative() {
    return nativeFormat;
  }

  static MemoryFormat fromNative(org.bytedeco.pytorch.global.torch.MemoryFormat f) {
    for (MemoryFormat m : values()) {
      if (m.nativeFormat.value == f.value) {
        return m;
      }
    }
    throw new IllegalStateException("libtorch reported an unknown memory format " + f);
  }
}

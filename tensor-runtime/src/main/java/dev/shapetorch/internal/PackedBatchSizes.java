package dev.shapetorch.internal;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;

/**
 * The one check of a packed sequence's {@code batch_sizes}, shared by {@code
 * dev.shapetorch.nn.utils.PackedSequence} and the packed recurrent kernels ({@code
 * Torch.lstm(data, batchSizes, ...)}): libtorch's kernels index memory with these numbers and
 * check little of them, so they are read and checked in Java first.
 *
 * <p>Shape: {@code batchSizes} is {@code [T]}, {@code T} the longest sequence's length;
 * {@code data} is {@code [S, *]} with {@code S} the sum of the batch sizes.
 */
public final class PackedBatchSizes {

  private PackedBatchSizes() {}

  /**
   * Reads {@code batchSizes} and checks that it is a 1-D int64 CPU tensor of at least one
   * positive, non-increasing size, summing to {@code data}'s dim 0.
   *
   * @return the batch sizes, {@code [0]} being the batch's size
   * @throws IllegalArgumentException naming {@code op} and what is wrong
   */
  public static long[] read(String op, Tensor batchSizes, Tensor data) {
    Arguments.requireNonNull(batchSizes, "batchSizes");
    Arguments.requireNonNull(data, "data");
    if (batchSizes.dtype() != DType.INT64 || batchSizes.dim() != 1
        || !batchSizes.device().isCpu()) {
      throw Arguments.invalid(op, "batchSizes must be a 1-D int64 tensor on the CPU, got "
          + batchSizes.dtype() + " " + batchSizes.shapeOf() + " on " + batchSizes.device()
          + "; build packed sequences with Sequences.packPaddedSequence or packSequence");
    }
    long[] sizes = batchSizes.toLongArray();
    if (sizes.length == 0) {
      throw Arguments.invalid(op, "batchSizes is empty; a packed sequence has at least one"
          + " time step");
    }
    long total = 0;
    for (int t = 0; t < sizes.length; t++) {
      if (sizes[t] < 1 || (t > 0 && sizes[t] > sizes[t - 1])) {
        throw Arguments.invalid(op, "batchSizes must be positive and non-increasing (the"
            + " sequences sorted longest first), got " + java.util.Arrays.toString(sizes)
            + " (step " + t + ")");
      }
      total += sizes[t];
    }
    if (data.dim() < 1 || data.size(0) != total) {
      throw Arguments.invalid(op, "data has shape " + data.shapeOf() + " but batchSizes "
          + java.util.Arrays.toString(sizes) + " sum to " + total + "; data must be [" + total
          + ", *]");
    }
    return sizes;
  }
}

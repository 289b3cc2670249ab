package dev.shapetorch.nn.utils;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.PackedBatchSizes;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * A batch of sequences of different lengths, packed time step by time step without padding:
 * PyTorch's {@code torch.nn.utils.rnn.PackedSequence}. Build one with {@link
 * Sequences#packPaddedSequence} or {@link Sequences#packSequence}; the recurrent layers ({@code
 * RNN}, {@code GRU}, {@code LSTM}) run over it with {@code forward(PackedSequence)} and stop
 * each sequence at its own length; {@link Sequences#padPackedSequence} pads the result again.
 *
 * <p>Row {@code r} of {@code data} holds one sequence's element at one time step: first the
 * {@code batchSizes[0]} sequences' step 0, then the {@code batchSizes[1]} sequences still running
 * at step 1, and so on, the sequences sorted longest first. When the batch was not sorted
 * ({@code enforceSorted = false}), {@code sortedIndices} says which input sequence each sorted
 * position holds, and {@code unsortedIndices} is its inverse; both are null otherwise.
 *
 * <p>Every instance is checked when it is made, so that the native kernels never read a bad
 * one: {@code batchSizes} is a 1-D int64 CPU tensor, positive and non-increasing, summing to
 * {@code data}'s row count, and the two index tensors are both null or both int64 permutations
 * of {@code [0, N)}, inverse to each other.
 *
 * <p>Shape: {@code data [S, *]}, {@code S} the sum of the lengths; {@code batchSizes [T]},
 * {@code T} the longest length; {@code sortedIndices} and {@code unsortedIndices} {@code [N]},
 * {@code N = batchSizes[0]} the number of sequences.
 *
 * @param data the packed elements, {@code [S, *]}
 * @param batchSizes how many sequences run at each time step, {@code [T]} int64 on the CPU
 * @param sortedIndices for each sorted position, the input sequence there; null if the input
 *     was sorted
 * @param unsortedIndices the inverse of {@code sortedIndices}; null if the input was sorted
 */
public record PackedSequence(
    Tensor data, Tensor batchSizes, Tensor sortedIndices, Tensor unsortedIndices) {

  /**
   * Checks the invariants the class lists.
   *
   * @throws IllegalArgumentException if one does not hold, naming it
   */
  public PackedSequence {
    String op = "PackedSequence";
    Arguments.requireNonNull(data, "data");
    long[] sizes = PackedBatchSizes.read(op, batchSizes, data);
    if ((sortedIndices == null) != (unsortedIndices == null)) {
      throw Arguments.invalid(op, "sortedIndices and unsortedIndices must both be given or both"
          + " be null");
    }
    if (sortedIndices != null) {
      long[] sorted = permutation(op, "sortedIndices", sortedIndices, sizes[0]);
      long[] unsorted = permutation(op, "unsortedIndices", unsortedIndices, sizes[0]);
      for (int i = 0; i < sorted.length; i++) {
        if (unsorted[(int) sorted[i]] != i) {
          throw Arguments.invalid(op, "unsortedIndices " + Arrays.toString(unsorted)
              + " is not the inverse of sortedIndices " + Arrays.toString(sorted));
        }
      }
    }
  }

  /** The number of sequences, {@code batchSizes[0]}. */
  public long batchSize() {
    return batchSizes.toLongArray()[0];
  }

  /**
   * Each sequence's length, in the input's order (the order before sorting), as {@code
   * pad_packed_sequence} returns them.
   *
   * <p>Shape: {@code [N]}.
   */
  public long[] lengths() {
    long[] sizes = batchSizes.toLongArray();
    long[] sortedLengths = new long[(int) sizes[0]];
    for (long size : sizes) {
      for (int b = 0; b < size; b++) {
        sortedLengths[b]++;
      }
    }
    if (unsortedIndices == null) {
      return sortedLengths;
    }
    long[] unsorted = unsortedIndices.toLongArray();
    long[] out = new long[unsorted.length];
    for (int b = 0; b < out.length; b++) {
      out[b] = sortedLengths[(int) unsorted[b]];
    }
    return out;
  }

  /**
   * The same batch with other data of the same row count, as PyTorch's recurrent layers build
   * their output: {@code data}'s trailing dims may differ.
   *
   * <p>Shape: {@code [S, *] -> [S, **]}.
   *
   * @throws IllegalArgumentException if {@code data}'s dim 0 is not this batch's {@code S}
   */
  public PackedSequence withData(Tensor data) {
    return new PackedSequence(data, batchSizes, sortedIndices, unsortedIndices);
  }

  private static long[] permutation(String op, String name, Tensor t, long n) {
    if (t.dtype() != DType.INT64 || t.dim() != 1 || t.size(0) != n) {
      throw Arguments.invalid(op, name + " must be a 1-D int64 tensor [" + n + "] (one entry per"
          + " sequence), got " + t.dtype() + " " + t.shapeOf());
    }
    long[] v = t.toLongArray();
    boolean[] seen = new boolean[v.length];
    for (long x : v) {
      if (x < 0 || x >= n || seen[(int) x]) {
        throw Arguments.invalid(op, name + " must be a permutation of [0, " + n + "), got "
            + Arrays.toString(v));
      }
      seen[(int) x] = true;
    }
    return v;
  }
}

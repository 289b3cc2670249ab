package dev.shapetorch.nn.utils;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batches of sequences of different lengths, padded or packed: PyTorch's {@code
 * torch.nn.utils.rnn} functions {@code pad_sequence}, {@code pack_padded_sequence}, {@code
 * pad_packed_sequence}, {@code pack_sequence}, {@code unpad_sequence} and {@code
 * unpack_sequence}.
 *
 * <pre>{@code
 * // sentences [L_i, 300] of different lengths, batched for an LSTM(300, 128)
 * PackedSequence packed = Sequences.packSequence(sentences, false);
 * PackedSequence out = lstm.forward(packed);                  // each stops at its own length
 * PaddedSequence padded = Sequences.padPackedSequence(out);   // [T, N, 128], lengths [N]
 * }</pre>
 *
 * <p>Everything here is built from differentiable tensor ops, so gradients reach the
 * sequences. Lengths are checked in Java, with errors that name the function, the lengths and
 * the shapes.
 *
 * <p>Shape: sequences {@code [L_i, *]}, all with the same trailing dims {@code *}; padded
 * {@code [T, N, *]}, or {@code [N, T, *]} batch first, {@code T} the longest length; packed
 * data {@code [S, *]}, {@code S} the sum of the lengths.
 */
public final class Sequences {

  private Sequences() {}

  /**
   * Pads sequences to the longest one's length with zeros and stacks them sequence-first, as
   * {@code pad_sequence(sequences)}.
   *
   * <p>Shape: {@code [L_i, *] -> [T, N, *]}, {@code T} the longest length.
   *
   * @throws IllegalArgumentException as {@link #padSequence(List, boolean, double)}
   */
  public static Tensor padSequence(List<Tensor> sequences) {
    return padSequence(sequences, false, 0.0);
  }

  /**
   * Pads sequences with zeros, as {@code pad_sequence(sequences, batch_first)}.
   *
   * <p>Shape: {@code [L_i, *] -> [T, N, *]}, or {@code [N, T, *]} when {@code batchFirst}.
   *
   * @throws IllegalArgumentException as {@link #padSequence(List, boolean, double)}
   */
  public static Tensor padSequence(List<Tensor> sequences, boolean batchFirst) {
    return padSequence(sequences, batchFirst, 0.0);
  }

  /**
   * Pads sequences to the longest one's length with {@code paddingValue} and stacks them, as
   * {@code pad_sequence(sequences, batch_first, padding_value)}.
   *
   * <p>Shape: {@code [L_i, *] -> [T, N, *]}, or {@code [N, T, *]} when {@code batchFirst}.
   *
   * @throws IllegalArgumentException if the list is empty or holds a null, a 0-d tensor, or
   *     sequences whose trailing dims, dtypes or devices differ
   */
  public static Tensor padSequence(
      List<Tensor> sequences, boolean batchFirst, double paddingValue) {
    String op = "Sequences.padSequence";
    checkSequences(op, sequences);
    long longest = 0;
    for (Tensor s : sequences) {
      longest = Math.max(longest, s.size(0));
    }
    List<Tensor> padded = new ArrayList<>(sequences.size());
    for (Tensor s : sequences) {
      padded.add(padRows(s, longest, paddingValue));
    }
    return Torch.stack(padded, batchFirst ? 0 : 1);
  }

  /**
   * Packs a padded, sequence-first batch sorted longest first, as {@code
   * pack_padded_sequence(input, lengths)}.
   *
   * <p>Shape: {@code input [T, N, *]}, {@code lengths [N]} -> data {@code [S, *]}.
   *
   * @throws IllegalArgumentException as {@link #packPaddedSequence(Tensor, long[], boolean,
   *     boolean)}
   */
  public static PackedSequence packPaddedSequence(Tensor input, long[] lengths) {
    return packPaddedSequence(input, lengths, false, true);
  }

  /**
   * Packs a padded batch sorted longest first, as {@code pack_padded_sequence(input, lengths,
   * batch_first)}.
   *
   * <p>Shape: {@code input [T, N, *]} ({@code [N, T, *]} batch first), {@code lengths [N]} ->
   * data {@code [S, *]}.
   *
   * @throws IllegalArgumentException as {@link #packPaddedSequence(Tensor, long[], boolean,
   *     boolean)}
   */
  public static PackedSequence packPaddedSequence(
      Tensor input, long[] lengths, boolean batchFirst) {
    return packPaddedSequence(input, lengths, batchFirst, true);
  }

  /**
   * Packs a padded batch, as {@code pack_padded_sequence(input, lengths, batch_first,
   * enforce_sorted)}: with {@code enforceSorted} the lengths must already be non-increasing;
   * without, the batch is sorted longest first (stably) and the result records the order.
   *
   * <p>Shape: {@code input [T, N, *]} ({@code [N, T, *]} batch first), {@code lengths [N]} ->
   * data {@code [S, *]}, {@code S} the lengths' sum.
   *
   * @throws IllegalArgumentException if {@code input} has fewer than 2 dims, the number of
   *     lengths is not {@code N}, a length is not in {@code [1, T]}, or {@code enforceSorted}
   *     and the lengths increase somewhere
   */
  public static PackedSequence packPaddedSequence(
      Tensor input, long[] lengths, boolean batchFirst, boolean enforceSorted) {
    String op = "Sequences.packPaddedSequence";
    Arguments.requireNonNull(input, "input");
    Arguments.requireNonNull(lengths, "lengths");
    if (input.dim() < 2) {
      throw Arguments.invalid(op, "input must be a padded batch [T, N, *] ([N, T, *] batch"
          + " first), got " + input.shapeOf());
    }
    Tensor timeMajor = batchFirst ? input.transpose(0, 1) : input;
    long steps = timeMajor.size(0);
    long batch = timeMajor.size(1);
    if (lengths.length != batch) {
      throw Arguments.invalid(op, "got " + lengths.length + " lengths for a batch of " + batch
          + " sequences (input " + input.shapeOf() + ", batchFirst " + batchFirst + ")");
    }
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 1 || lengths[b] > steps) {
        throw Arguments.invalid(op, "lengths[" + b + "] = " + lengths[b] + " is not in [1, "
            + steps + "] (input " + input.shapeOf() + ", batchFirst " + batchFirst
            + "); every sequence needs at least one step and at most the padded length");
      }
    }
    Integer[] order = new Integer[lengths.length];
    for (int b = 0; b < order.length; b++) {
      order[b] = b;
    }
    Tensor sortedIndices = null;
    Tensor unsortedIndices = null;
    if (enforceSorted) {
      for (int b = 1; b < lengths.length; b++) {
        if (lengths[b] > lengths[b - 1]) {
          throw Arguments.invalid(op, "lengths " + Arrays.toString(lengths) + " are not sorted"
              + " longest first; sort the batch, or pass enforceSorted = false");
        }
      }
    } else {
      Arrays.sort(order, (a, c) -> Long.compare(lengths[c], lengths[a]));
      long[] sorted = new long[order.length];
      long[] inverse = new long[order.length];
      for (int i = 0; i < order.length; i++) {
        sorted[i] = order[i];
        inverse[order[i]] = i;
      }
      sortedIndices = Torch.fromArray(sorted, sorted.length).to(input.device());
      unsortedIndices = Torch.fromArray(inverse, inverse.length).to(input.device());
      timeMajor = timeMajor.indexSelect(1, sortedIndices);
    }
    long[] batchSizes = new long[(int) lengths[order[0]]];
    for (int t = 0; t < batchSizes.length; t++) {
      for (long length : lengths) {
        if (length > t) {
          batchSizes[t]++;
        }
      }
    }
    List<Tensor> steps0 = new ArrayList<>(batchSizes.length);
    for (int t = 0; t < batchSizes.length; t++) {
      steps0.add(timeMajor.select(0, t).narrow(0, 0, batchSizes[t]));
    }
    return new PackedSequence(Torch.cat(steps0, 0), Torch.fromArray(batchSizes,
        batchSizes.length), sortedIndices, unsortedIndices);
  }

  /**
   * Packs a padded batch whose lengths are a tensor, as {@code pack_padded_sequence(input,
   * lengths, batch_first, enforce_sorted)} with a tensor of lengths.
   *
   * <p>Shape: as {@link #packPaddedSequence(Tensor, long[], boolean, boolean)}; {@code lengths}
   * is a 1-D integer tensor {@code [N]} (on any device: it is read).
   *
   * @throws IllegalArgumentException if {@code lengths} is not a 1-D integer tensor, or as
   *     {@link #packPaddedSequence(Tensor, long[], boolean, boolean)}
   */
  public static PackedSequence packPaddedSequence(
      Tensor input, Tensor lengths, boolean batchFirst, boolean enforceSorted) {
    Arguments.requireNonNull(lengths, "lengths");
    if (lengths.dim() != 1 || lengths.dtype().isFloatingPoint()
        || lengths.dtype() == DType.BOOL) {
      throw Arguments.invalid("Sequences.packPaddedSequence", "lengths must be a 1-D integer"
          + " tensor, got " + lengths.dtype() + " " + lengths.shapeOf());
    }
    return packPaddedSequence(input, lengths.to(DType.INT64).toLongArray(), batchFirst,
        enforceSorted);
  }

  /**
   * Pads a packed batch sequence-first with zeros, as {@code pad_packed_sequence(sequence)}.
   *
   * <p>Shape: data {@code [S, *]} -> padded {@code [T, N, *]}, lengths {@code [N]}.
   */
  public static PaddedSequence padPackedSequence(PackedSequence sequence) {
    return padPackedSequence(sequence, false, 0.0, -1);
  }

  /**
   * Pads a packed batch with zeros, as {@code pad_packed_sequence(sequence, batch_first)}.
   *
   * <p>Shape: data {@code [S, *]} -> padded {@code [T, N, *]} ({@code [N, T, *]} batch first),
   * lengths {@code [N]}.
   */
  public static PaddedSequence padPackedSequence(PackedSequence sequence, boolean batchFirst) {
    return padPackedSequence(sequence, batchFirst, 0.0, -1);
  }

  /**
   * Pads a packed batch, as {@code pad_packed_sequence(sequence, batch_first, padding_value,
   * total_length)}: the sequences come back in the order they were packed in, each followed by
   * {@code paddingValue}, and {@code lengths} gives their lengths.
   *
   * <p>Shape: data {@code [S, *]} -> padded {@code [T, N, *]} ({@code [N, T, *]} batch first),
   * {@code T} being {@code totalLength}, or the longest length when {@code totalLength} is
   * negative (PyTorch's {@code None}); lengths {@code [N]} int64 on the CPU.
   *
   * @throws IllegalArgumentException if {@code totalLength} is not negative and is shorter than
   *     the longest sequence
   */
  public static PaddedSequence padPackedSequence(
      PackedSequence sequence, boolean batchFirst, double paddingValue, long totalLength) {
    String op = "Sequences.padPackedSequence";
    Arguments.requireNonNull(sequence, "sequence");
    long[] batchSizes = sequence.batchSizes().toLongArray();
    long batch = batchSizes[0];
    if (totalLength >= 0 && totalLength < batchSizes.length) {
      throw Arguments.invalid(op, "totalLength " + totalLength + " is shorter than the longest"
          + " sequence (" + batchSizes.length + " steps); pass at least " + batchSizes.length
          + ", or -1 for the longest length");
    }
    Tensor data = sequence.data();
    long[] rowShape = data.shape().clone();
    List<Tensor> steps = new ArrayList<>();
    long offset = 0;
    for (long size : batchSizes) {
      steps.add(padRows(data.narrow(0, offset, size), batch, paddingValue));
      offset += size;
    }
    long total = totalLength >= 0 ? totalLength : batchSizes.length;
    rowShape[0] = batch;
    for (long t = batchSizes.length; t < total; t++) {
      steps.add(Torch.full(rowShape, paddingValue, data.dtype(), data.device()));
    }
    Tensor padded = Torch.stack(steps, 0);
    if (sequence.unsortedIndices() != null) {
      padded = padded.indexSelect(1, sequence.unsortedIndices());
    }
    long[] lengths = sequence.lengths();
    return new PaddedSequence(batchFirst ? padded.transpose(0, 1) : padded,
        Torch.fromArray(lengths, lengths.length));
  }

  /**
   * Packs sequences sorted longest first, as {@code pack_sequence(sequences)}.
   *
   * <p>Shape: {@code [L_i, *] -> } data {@code [S, *]}.
   *
   * @throws IllegalArgumentException as {@link #packSequence(List, boolean)}
   */
  public static PackedSequence packSequence(List<Tensor> sequences) {
    return packSequence(sequences, true);
  }

  /**
   * Packs sequences, as {@code pack_sequence(sequences, enforce_sorted)}: {@link #padSequence}
   * then {@link #packPaddedSequence(Tensor, long[], boolean, boolean)}.
   *
   * <p>Shape: {@code [L_i, *] -> } data {@code [S, *]}.
   *
   * @throws IllegalArgumentException if a sequence is empty ({@code L_i = 0}), or as {@link
   *     #padSequence(List, boolean, double)} and {@link #packPaddedSequence(Tensor, long[],
   *     boolean, boolean)}
   */
  public static PackedSequence packSequence(List<Tensor> sequences, boolean enforceSorted) {
    checkSequences("Sequences.packSequence", sequences);
    long[] lengths = new long[sequences.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = sequences.get(i).size(0);
    }
    return packPaddedSequence(padSequence(sequences), lengths, false, enforceSorted);
  }

  /**
   * The sequences of a padded batch, each cut to its length, as {@code unpad_sequence(padded,
   * lengths, batch_first)}: the inverse of {@link #padSequence(List, boolean)}.
   *
   * <p>Shape: {@code [T, N, *]} ({@code [N, T, *]} batch first), lengths {@code [N]} -> {@code
   * [L_i, *]}.
   *
   * @throws IllegalArgumentException if the number of lengths is not {@code N} or a length is
   *     not in {@code [0, T]}
   */
  public static List<Tensor> unpadSequence(Tensor padded, long[] lengths, boolean batchFirst) {
    String op = "Sequences.unpadSequence";
    Arguments.requireNonNull(padded, "padded");
    Arguments.requireNonNull(lengths, "lengths");
    if (padded.dim() < 2) {
      throw Arguments.invalid(op, "padded must be [T, N, *] ([N, T, *] batch first), got "
          + padded.shapeOf());
    }
    Tensor batchMajor = batchFirst ? padded : padded.transpose(0, 1);
    if (lengths.length != batchMajor.size(0)) {
      throw Arguments.invalid(op, "got " + lengths.length + " lengths for a batch of "
          + batchMajor.size(0) + " sequences (padded " + padded.shapeOf() + ", batchFirst "
          + batchFirst + ")");
    }
    List<Tensor> out = new ArrayList<>(lengths.length);
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 0 || lengths[b] > batchMajor.size(1)) {
        throw Arguments.invalid(op, "lengths[" + b + "] = " + lengths[b] + " is not in [0, "
            + batchMajor.size(1) + "] (padded " + padded.shapeOf() + ")");
      }
      out.add(batchMajor.select(0, b).narrow(0, 0, lengths[b]));
    }
    return out;
  }

  /**
   * The sequences of a packed batch, in the order they were packed in, as {@code
   * unpack_sequence(packed)}: the inverse of {@link #packSequence(List, boolean)}.
   *
   * <p>Shape: data {@code [S, *] -> [L_i, *]}.
   */
  public static List<Tensor> unpackSequence(PackedSequence packed) {
    PaddedSequence p = padPackedSequence(packed, true);
    return unpadSequence(p.padded(), p.lengths().toLongArray(), true);
  }

  /** {@code s [L, *]} followed by {@code rows - L} rows of {@code value}. */
  private static Tensor padRows(Tensor s, long rows, double value) {
    long missing = rows - s.size(0);
    if (missing == 0) {
      return s;
    }
    long[] shape = s.shape().clone();
    shape[0] = missing;
    return Torch.cat(List.of(s, Torch.full(shape, value, s.dtype(), s.device())), 0);
  }

  private static void checkSequences(String op, List<Tensor> sequences) {
    Arguments.requireNonNull(sequences, "sequences");
    if (sequences.isEmpty()) {
      throw Arguments.invalid(op, "no sequences; pass at least one tensor [L, *]");
    }
    Tensor first = null;
    for (int i = 0; i < sequences.size(); i++) {
      Tensor s = sequences.get(i);
      if (s == null) {
        throw Arguments.invalid(op, "sequences[" + i + "] is null");
      }
      if (s.dim() < 1) {
        throw Arguments.invalid(op, "sequences[" + i + "] is 0-d; each sequence is [L, *]");
      }
      if (first == null) {
        first = s;
        continue;
      }
      long[] a = Arrays.copyOfRange(first.shape(), 1, first.dim());
      long[] b = Arrays.copyOfRange(s.shape(), 1, s.dim());
      if (!Arrays.equals(a, b) || s.dtype() != first.dtype()
          || !s.device().equals(first.device())) {
        throw Arguments.invalid(op, "sequences[" + i + "] is " + s.dtype() + " "
            + s.shapeOf() + " on " + s.device() + " but sequences[0] is " + first.dtype() + " "
            + first.shapeOf() + " on " + first.device() + "; all sequences need the same"
            + " trailing dims, dtype and device");
      }
    }
  }
}

package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;

/**
 * Every index of a dataset once, in order: PyTorch's {@code SequentialSampler}, what a loader
 * without {@code shuffle} visits.
 *
 * <pre>{@code
 * var batches = new BatchSampler(new SequentialSampler(train), 32, false);
 * }</pre>
 */
public final class SequentialSampler implements Sampler {

  private final int size;

  /** The indices {@code 0..dataset.size()-1}. */
  public SequentialSampler(Dataset<?> dataset) {
    this(Arguments.requireNonNull(dataset, "dataset").size());
  }

  /**
   * The indices {@code 0..size-1}.
   *
   * @throws IllegalArgumentException for a negative size
   */
  public SequentialSampler(int size) {
    if (size < 0) {
      throw new IllegalArgumentException(
          "SequentialSampler: the size must be >= 0, got " + size);
    }
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  /** {@code 0, 1, ..., size-1}, whatever the epoch. */
  @Override
  public int[] indices(int epoch) {
    Samplers.checkEpoch("SequentialSampler", epoch);
    return Samplers.identity(size);
  }

  @Override
  public String toString() {
    return "SequentialSampler(size=" + size + ")";
  }
}

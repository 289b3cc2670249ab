package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.Arrays;

/**
 * The examples of a dataset at given indices, in that order: PyTorch's {@code Subset}. Example
 * {@code i} of the subset is example {@code indices[i]} of the dataset.
 *
 * <pre>{@code
 * Subset<Sample> firstThousand = new Subset<>(train, IntStream.range(0, 1000).toArray());
 * }</pre>
 *
 * <p>It supports batches exactly when the dataset it wraps does.
 *
 * <p>Shape: the wrapped dataset's.
 *
 * @param <T> the type of one example
 */
public final class Subset<T> implements BatchedDataset<T> {

  private final Dataset<T> dataset;
  private final int[] indices;

  /**
   * The examples of {@code dataset} at {@code indices} (copied).
   *
   * @throws IndexOutOfBoundsException if an index is outside the dataset
   */
  public Subset(Dataset<T> dataset, int[] indices) {
    this.dataset = Arguments.requireNonNull(dataset, "dataset");
    this.indices = Arguments.requireNonNull(indices, "indices").clone();
    int n = dataset.size();
    for (int i : this.indices) {
      Dataset.checkIndex(i, n);
    }
  }

  /** The wrapped dataset. */
  public Dataset<T> dataset() {
    return dataset;
  }

  /** The indices into the wrapped dataset (a copy). */
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public T get(int index) {
    return dataset.get(indices[Dataset.checkIndex(index, indices.length)]);
  }

  @Override
  public T getBatch(int[] batchIndices) {
    if (!supportsBatches()) {
      throw new UnsupportedOperationException(
          "Subset.getBatch: the wrapped " + dataset.getClass().getSimpleName()
              + " does not produce batches; collate its examples instead");
    }
    int[] mapped = new int[Arguments.requireNonNull(batchIndices, "batchIndices").length];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = indices[Dataset.checkIndex(batchIndices[i], indices.length)];
    }
    return ((BatchedDataset<T>) dataset).getBatch(mapped);
  }

  @Override
  public boolean supportsBatches() {
    return dataset instanceof BatchedDataset<T> b && b.supportsBatches();
  }

  @Override
  public String toString() {
    return "Subset(" + indices.length + " of " + dataset.size() + ": "
        + Arrays.toString(Arrays.copyOf(indices, Math.min(indices.length, 8)))
        + (indices.length > 8 ? "...)" : ")");
  }
}

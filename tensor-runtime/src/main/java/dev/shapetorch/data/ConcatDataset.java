package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several datasets one after another: PyTorch's {@code ConcatDataset} ({@code a + b}). Example
 * {@code i} is example {@code i - cumulativeSizes()[k-1]} of the {@code k}-th dataset, the first
 * whose running total of sizes exceeds {@code i}.
 *
 * <pre>{@code
 * Dataset<Sample> both = new ConcatDataset<>(List.of(MNIST.train(root), MNIST.test(root)));
 * }</pre>
 *
 * <p>A loader fetches its examples one by one and collates them, so the datasets' examples must
 * collate together (stacked tensors need the same shape).
 *
 * <p>Shape: the shape of the datasets' examples, which should agree.
 *
 * @param <T> the type of one example
 */
public final class ConcatDataset<T> implements Dataset<T> {

  private final List<Dataset<? extends T>> datasets;
  private final long[] cumulative;

  /**
   * The concatenation of {@code datasets}, in order.
   *
   * @throws IllegalArgumentException for an empty list, datasets of more than {@code
   *     Integer.MAX_VALUE} examples together, or a dataset that is also an {@link
   *     IterableDataset} (PyTorch refuses those too: chain them with {@link ChainDataset})
   */
  public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
    Arguments.requireNonNullElements(Arguments.requireNonNull(datasets, "datasets"), "datasets");
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException(
          "ConcatDataset: datasets is empty; pass at least one dataset");
    }
    for (int k = 0; k < datasets.size(); k++) {
      if (datasets.get(k) instanceof IterableDataset<?>) {
        throw new IllegalArgumentException("ConcatDataset does not support IterableDataset:"
            + " dataset " + k + " (" + datasets.get(k) + ") is one; chain iterable datasets"
            + " with ChainDataset instead");
      }
    }
    this.datasets = List.copyOf(new ArrayList<>(datasets));
    cumulative = new long[datasets.size()];
    long total = 0;
    for (int k = 0; k < cumulative.length; k++) {
      total += this.datasets.get(k).size();
      cumulative[k] = total;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("ConcatDataset: the datasets have " + total
          + " examples together, more than a Dataset can index (" + Integer.MAX_VALUE + ")");
    }
  }

  /** The concatenation of {@code datasets}, in order. */
  @SafeVarargs
  public static <T> ConcatDataset<T> of(Dataset<? extends T>... datasets) {
    return new ConcatDataset<>(Arrays.asList(Arguments.requireNonNull(datasets, "datasets")));
  }

  /** The datasets, in order. */
  public List<Dataset<? extends T>> datasets() {
    return datasets;
  }

  /**
   * The running totals of the datasets' sizes ({@code cumulative_sizes}): entry {@code k} is the
   * number of examples of datasets {@code 0..k}.
   */
  public long[] cumulativeSizes() {
    return cumulative.clone();
  }

  @Override
  public int size() {
    return (int) cumulative[cumulative.length - 1];
  }

  @Override
  public T get(int index) {
    Dataset.checkIndex(index, size());
    int k = Arrays.binarySearch(cumulative, index);
    // An exact hit on a running total is the first example of a later, non-empty dataset.
    k = k >= 0 ? k + 1 : -k - 1;
    while (datasets.get(k).size() == 0) {
      k++;
    }
    long start = k == 0 ? 0 : cumulative[k - 1];
    return datasets.get(k).get((int) (index - start));
  }

  @Override
  public String toString() {
    return "ConcatDataset(" + datasets.size() + " datasets, " + size() + " examples)";
  }
}

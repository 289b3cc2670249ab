package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Several {@link IterableDataset}s one after another: PyTorch's {@code ChainDataset}. Its
 * iterator yields every example of the first dataset, then every example of the second, and so
 * on; each dataset's iterator is asked for only when the one before has ended, so chaining
 * streams costs nothing up front.
 *
 * <pre>{@code
 * IterableDataset<Tensor> both = ChainDataset.of(january, february);
 * }</pre>
 *
 * <p>In a loader's worker, every chained dataset's {@link IterableDataset#iterator()} runs on
 * that worker's thread, so each can split itself by {@link DataLoader#getWorkerInfo()}.
 *
 * <p>Shape: the shape of the datasets' examples, which should agree for the default collate.
 *
 * @param <T> the type of one example
 */
public final class ChainDataset<T> implements IterableDataset<T> {

  private final List<IterableDataset<? extends T>> datasets;

  /**
   * The chain of {@code datasets}, in order (an empty list yields no example).
   *
   * @throws IllegalArgumentException if the list or one of its datasets is null
   */
  public ChainDataset(List<? extends IterableDataset<? extends T>> datasets) {
    Arguments.requireNonNullElements(Arguments.requireNonNull(datasets, "datasets"), "datasets");
    this.datasets = List.copyOf(new ArrayList<>(datasets));
  }

  /** The chain of {@code datasets}, in order. */
  @SafeVarargs
  public static <T> ChainDataset<T> of(IterableDataset<? extends T>... datasets) {
    return new ChainDataset<>(Arrays.asList(Arguments.requireNonNull(datasets, "datasets")));
  }

  /** The datasets, in order. */
  public List<IterableDataset<? extends T>> datasets() {
    return datasets;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private int next;
      private Iterator<? extends T> current;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (next >= datasets.size()) {
            return false;
          }
          IterableDataset<? extends T> d = datasets.get(next);
          current = d.iterator();
          if (current == null) {
            throw new IllegalStateException("ChainDataset: dataset " + next + " (" + d
                + ") returned a null iterator; iterator() must return an iterator");
          }
          next++;
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException(
              "ChainDataset: all " + datasets.size() + " datasets are exhausted");
        }
        return current.next();
      }
    };
  }

  @Override
  public String toString() {
    return "ChainDataset(" + datasets.size() + " datasets)";
  }
}

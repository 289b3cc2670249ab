package dev.shapetorch.data;

/**
 * A dataset that can produce a whole batch at once, faster than stacking examples one by one
 * (PyTorch 2's {@code __getitems__}): a {@link TensorDataset} selects the rows of its tensors in
 * one call per tensor. A batch has the type of an example, with a leading batch dimension on
 * each tensor: what {@link Collate#stack()} would make of the examples.
 *
 * <p>{@link DataLoader} uses {@link #getBatch} whenever the dataset {@linkplain
 * #supportsBatches() supports it} and no custom {@link Collate} was given.
 *
 * @param <T> the type of one example, and of one batch
 */
public interface BatchedDataset<T> extends Dataset<T> {

  /**
   * The examples at {@code indices}, stacked: equal to {@code Collate.stack()} applied to {@code
   * get(i)} for each index, in order.
   *
   * <p>Shape: each tensor gets a leading dimension of size {@code indices.length}.
   *
   * @throws IndexOutOfBoundsException if an index is out of range
   * @throws UnsupportedOperationException if {@link #supportsBatches()} is false
   */
  T getBatch(int[] indices);

  /**
   * True if {@link #getBatch} works; wrappers such as {@link Subset} answer for the dataset they
   * wrap.
   */
  default boolean supportsBatches() {
    return true;
  }
}

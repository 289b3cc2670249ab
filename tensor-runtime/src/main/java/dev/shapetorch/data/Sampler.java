package dev.shapetorch.data;

/**
 * The dataset indices a {@link DataLoader} visits in an epoch, in order: PyTorch's {@code
 * torch.utils.data.Sampler}, given to a loader with {@link LoaderOptions#withSampler} ({@code
 * sampler=}). The loader cuts the indices into batches.
 *
 * <pre>{@code
 * var sampler = new DistributedSampler(train, 2, rank);       // this process's half
 * var loader = DataLoader.of(train, LoaderOptions.batchSize(32).withSampler(sampler));
 * }</pre>
 *
 * <p>Unlike PyTorch's, a sampler is told the epoch: the loader passes the number of the epoch it
 * iterates (0 for its first {@code iterator()}, then 1, 2, ..., or the {@code epoch} of {@link
 * DataLoader#iterator(int)}), so a shuffling sampler draws a new order every epoch without a
 * call of its own.
 */
public interface Sampler {

  /** The number of indices of every epoch ({@code len(sampler)}). */
  int size();

  /**
   * The indices of epoch {@code epoch}, in visiting order: {@link #size()} of them, each in
   * {@code [0, size)} of the dataset the sampler was made for. The same epoch gives the same
   * indices.
   *
   * @param epoch the loader's epoch, at least 0
   */
  int[] indices(int epoch);
}

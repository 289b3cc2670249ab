/**
 * Datasets and batching, as PyTorch's {@code torch.utils.data}: map-style datasets (indexable,
 * with a length) and iterable-style ones (streams).
 *
 * <ul>
 *   <li>{@link dev.shapetorch.data.Dataset}: indexable examples; {@link
 *       dev.shapetorch.data.BatchedDataset} also builds whole batches in one call;
 *   <li>{@link dev.shapetorch.data.TensorDataset}, {@link dev.shapetorch.data.Subset}, {@link
 *       dev.shapetorch.data.ConcatDataset}, {@link dev.shapetorch.data.Datasets#randomSplit};
 *   <li>{@link dev.shapetorch.data.IterableDataset}: a stream of examples with no length or
 *       index (PyTorch's {@code IterableDataset}); {@link dev.shapetorch.data.ChainDataset}
 *       chains several;
 *   <li>{@link dev.shapetorch.data.DataLoader} with {@link dev.shapetorch.data.LoaderOptions}:
 *       batches, shuffling with a seed, dropping the last batch, background workers with a
 *       bounded prefetch (for an iterable dataset, each worker iterates its own iterator and
 *       the loader takes their batches in turn), pinned memory ({@code pin_memory}), and one
 *       {@code TensorScope} per batch so that memory stays flat;
 *   <li>{@link dev.shapetorch.data.Sampler} ({@code sampler=}, {@link
 *       dev.shapetorch.data.LoaderOptions#withSampler}) and its kinds: {@link
 *       dev.shapetorch.data.SequentialSampler}, {@link
 *       dev.shapetorch.data.RandomSampler}, {@link dev.shapetorch.data.SubsetRandomSampler},
 *       {@link dev.shapetorch.data.WeightedRandomSampler} and {@link
 *       dev.shapetorch.data.DistributedSampler} (each process's share of a dataset in
 *       data-parallel training); {@link dev.shapetorch.data.BatchSampler} ({@code
 *       batch_sampler=}) chooses whole batches;
 *   <li>{@link dev.shapetorch.data.Collate} ({@code collate_fn}), {@link
 *       dev.shapetorch.data.Sample} (an input and its target), {@link
 *       dev.shapetorch.data.SampleRandom} (the random numbers of random transforms).
 * </ul>
 *
 * <pre>{@code
 * var data = new TensorDataset(Torch.randn(1000, 784), Torch.randint(0, 10, 1000));
 * var loader = DataLoader.of(data, LoaderOptions.batchSize(64).withShuffle(true));
 * for (List<Tensor> batch : loader) {
 *   Tensor x = batch.get(0);   // [64, 784]
 *   Tensor y = batch.get(1);   // [64]
 * }
 * }</pre>
 */
package dev.shapetorch.data;

package dev.shapetorch.data;

import java.util.Iterator;

/**
 * A stream of examples with no length and no indexing: PyTorch's {@code
 * torch.utils.data.IterableDataset} ({@code __iter__} is {@link #iterator()}). Use it for data
 * read as it comes (a file read line by line, records from a socket, examples generated on the
 * fly) where a map-style {@link Dataset} would need to know every example in advance.
 *
 * <pre>{@code
 * IterableDataset<Tensor> numbers = () -> IntStream.range(0, 10)
 *     .mapToObj(i -> Torch.scalarTensor((long) i)).iterator();
 * var loader = DataLoader.of(numbers, LoaderOptions.batchSize(4));   // [0..3], [4..7], [8, 9]
 * }</pre>
 *
 * <p>A {@link DataLoader} batches consecutive examples of the iterator. With {@code numWorkers >
 * 0} each worker calls {@link #iterator()} itself, on its own thread, and builds whole batches
 * from it; the loader hands out the workers' batches in turn (worker 0's first batch, worker 1's
 * first, ..., worker 0's second, ...), skipping workers whose iterator has ended.
 *
 * <p><b>Duplicates with workers.</b> Every worker iterates the dataset from the start, so a
 * dataset that does not split itself yields each example once <em>per worker</em>, as in
 * PyTorch. Split it by the {@link WorkerInfo} that {@link DataLoader#getWorkerInfo()} gives inside
 * {@link #iterator()} (null when there are no workers), PyTorch's documented pattern:
 *
 * <pre>{@code
 * public Iterator<Tensor> iterator() {
 *   WorkerInfo w = DataLoader.getWorkerInfo();
 *   int start = 0, end = n;
 *   if (w != null) {                       // this worker's share: a contiguous slice of [0, n)
 *     int per = (n + w.numWorkers() - 1) / w.numWorkers();
 *     start = Math.min(n, w.id() * per);
 *     end = Math.min(n, start + per);
 *   }
 *   return IntStream.range(start, end).mapToObj(this::example).iterator();
 * }
 * }</pre>
 *
 * <p>Options that choose indices ({@code shuffle}, a {@code sampler}, a {@code batchSampler})
 * have nothing to choose from and are refused by the loader, as in PyTorch; shuffle the stream
 * inside the iterator instead (a shuffle buffer, say).
 *
 * <p>{@link #iterator()} may be called several times, also from several threads at once (one
 * per worker, once per epoch), and each call must start a new, independent iteration. The
 * examples must be tensors the caller may free (new tensors or views), as for {@link Dataset}.
 *
 * <p>Shape: whatever the dataset documents for one example.
 *
 * @param <T> the type of one example
 */
@FunctionalInterface
public interface IterableDataset<T> extends Iterable<T> {

  /**
   * A new iteration over the examples, from the first: PyTorch's {@code __iter__}. In a loader's
   * worker, {@link DataLoader#getWorkerInfo()} says which worker asks.
   */
  @Override
  Iterator<T> iterator();
}

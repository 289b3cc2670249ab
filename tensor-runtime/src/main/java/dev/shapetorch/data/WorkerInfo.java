package dev.shapetorch.data;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which {@link DataLoader} worker is running: PyTorch's {@code torch.utils.data.get_worker_info()}
 * result, read with {@link DataLoader#getWorkerInfo()} from a dataset's {@code get}, a collate
 * function or a {@link LoaderOptions#workerInitFn() workerInitFn}.
 *
 * <pre>{@code
 * WorkerInfo w = DataLoader.getWorkerInfo();   // null on the thread that iterates the loader
 * if (w != null) { openShard(w.id(), w.numWorkers()); }
 * }</pre>
 *
 * <p>Shape: none.
 *
 * @param id this worker's number, in {@code [0, numWorkers)}; stable for the worker's life
 * @param numWorkers the loader's {@code numWorkers}
 * @param seed a seed of this worker's own: the loader's seed plus {@code id}, as PyTorch's {@code
 *     base_seed + worker_id} (the random transforms draw from {@link SampleRandom}, seeded per
 *     batch, and do not need it)
 * @param dataset the dataset the loader iterates (PyTorch's copy in the worker process; here the
 *     one dataset all workers share)
 */
public record WorkerInfo(int id, int numWorkers, long seed, Object dataset) {

  private static final ThreadLocal<@Nullable WorkerInfo> CURRENT = new ThreadLocal<>();

  /** The worker the calling thread is, or null when it is not a loader's worker thread. */
  static @Nullable WorkerInfo current() {
    return CURRENT.get();
  }

  /** Marks the calling thread as this worker until {@link #clear()}. */
  void bind() {
    CURRENT.set(this);
  }

  /** Ends {@link #bind()} on the calling thread. */
  static void clear() {
    CURRENT.remove();
  }
}

package dev.shapetorch.data;

import dev.shapetorch.distributed.ProcessGroup;
import dev.shapetorch.internal.Arguments;
import java.util.SplittableRandom;

/**
 * Each process's share of a dataset in data-parallel training: PyTorch's {@code
 * torch.utils.data.distributed.DistributedSampler}, a {@link Sampler} given to the {@link
 * DataLoader} of every process ({@link LoaderOptions#withSampler}).
 *
 * <pre>{@code
 * var sampler = new DistributedSampler(train, group);   // group's size and rank; shuffles, seed 0
 * var loader = DataLoader.of(train, LoaderOptions.batchSize(32).withSampler(sampler));
 * for (int epoch = 0; epoch < 10; epoch++) {
 *   sampler.setEpoch(epoch);              // optional here: the loader counts epochs itself
 *   for (List<Tensor> batch : loader) { ... }
 * }
 * }</pre>
 *
 * <p><b>The partition.</b> Every epoch, the dataset's indices (a permutation drawn from the seed
 * and the epoch when shuffling, else {@code 0..n-1}) are made a multiple of {@code numReplicas}
 * long, by repeating indices from the start (the default) or, with {@code dropLast}, by dropping
 * the last ones; process {@code rank} then takes every {@code numReplicas}-th index starting at
 * {@code rank}. So in each epoch every process gets the same number of indices ({@link
 * #size()}), the shares are disjoint except for the repeated padding, together they cover the
 * dataset (all but the dropped tail with {@code dropLast}), and all processes agree on the
 * permutation because it depends only on {@code (seed, epoch)}: give them all the same seed. The
 * order is not PyTorch's for the same seed (another random generator), the partition is.
 *
 * <p><b>The epoch.</b> The loader passes the number of the epoch it iterates, so the order
 * changes every epoch without any call. {@link #setEpoch} (PyTorch's {@code set_epoch}) fixes the
 * epoch instead, for every later iteration, as PyTorch's loop expects; calling it with the
 * loader's own epoch number changes nothing.
 *
 * <p>Not thread-safe: set the epoch on the thread that iterates.
 */
public final class DistributedSampler implements Sampler {

  private final int datasetSize;
  private final int numReplicas;
  private final int rank;
  private final boolean shuffle;
  private final long seed;
  private final boolean dropLast;
  private final int numSamples;
  /** The epoch {@link #setEpoch} fixed, or -1 to follow the loader's. */
  private int epoch = -1;

  /**
   * A shuffling sampler (seed 0, padding) for this process of {@code group}: {@code numReplicas}
   * is the group's world size and {@code rank} its rank, PyTorch's defaults.
   */
  public DistributedSampler(Dataset<?> dataset, ProcessGroup group) {
    this(dataset, Arguments.requireNonNull(group, "group").worldSize(), group.rank());
  }

  /**
   * A shuffling sampler (seed 0, padding) for process {@code rank} of {@code numReplicas}.
   *
   * @throws IllegalArgumentException if {@code numReplicas < 1} or {@code rank} is outside
   *     {@code [0, numReplicas)}
   */
  public DistributedSampler(Dataset<?> dataset, int numReplicas, int rank) {
    this(Arguments.requireNonNull(dataset, "dataset").size(), numReplicas, rank, true, 0, false);
  }

  /**
   * A sampler of a dataset of {@code datasetSize} examples for process {@code rank} of {@code
   * numReplicas}.
   *
   * @param datasetSize the number of examples, at least 0
   * @param numReplicas the number of processes sharing the dataset ({@code num_replicas}), at
   *     least 1
   * @param rank this process's rank, in {@code [0, numReplicas)}
   * @param shuffle draw a new permutation each epoch from the seed and the epoch; false visits
   *     the indices in order
   * @param seed the seed of the permutations, the same on every process
   * @param dropLast drop the tail that does not divide evenly ({@code drop_last}); false pads
   *     with indices from the start instead
   * @throws IllegalArgumentException for a negative size, {@code numReplicas < 1} or a rank out
   *     of range
   */
  public DistributedSampler(int datasetSize, int numReplicas, int rank, boolean shuffle,
      long seed, boolean dropLast) {
    if (datasetSize < 0) {
      throw new IllegalArgumentException(
          "DistributedSampler: datasetSize must be >= 0, got " + datasetSize);
    }
    if (numReplicas < 1) {
      throw new IllegalArgumentException(
          "DistributedSampler: numReplicas must be at least 1, got " + numReplicas);
    }
    if (rank < 0 || rank >= numReplicas) {
      throw new IllegalArgumentException("DistributedSampler: rank " + rank
          + " is out of range for numReplicas " + numReplicas + "; pass a rank in [0, "
          + numReplicas + ")");
    }
    this.datasetSize = datasetSize;
    this.numReplicas = numReplicas;
    this.rank = rank;
    this.shuffle = shuffle;
    this.seed = seed;
    this.dropLast = dropLast;
    this.numSamples = dropLast
        ? datasetSize / numReplicas
        : (int) (((long) datasetSize + numReplicas - 1) / numReplicas);
  }

  /** A copy that does or does not shuffle (the epoch set by {@link #setEpoch} is not copied). */
  public DistributedSampler withShuffle(boolean newShuffle) {
    return new DistributedSampler(datasetSize, numReplicas, rank, newShuffle, seed, dropLast);
  }

  /** A copy with another seed (the epoch set by {@link #setEpoch} is not copied). */
  public DistributedSampler withSeed(long newSeed) {
    return new DistributedSampler(datasetSize, numReplicas, rank, shuffle, newSeed, dropLast);
  }

  /** A copy that drops or pads the uneven tail (the epoch set by {@link #setEpoch} is not copied). */
  public DistributedSampler withDropLast(boolean newDropLast) {
    return new DistributedSampler(datasetSize, numReplicas, rank, shuffle, seed, newDropLast);
  }

  /**
   * Fixes the epoch whose permutation every later iteration uses, whatever epoch the loader
   * iterates ({@code set_epoch}).
   *
   * @throws IllegalArgumentException for a negative epoch
   */
  public void setEpoch(int newEpoch) {
    if (newEpoch < 0) {
      throw new IllegalArgumentException(
          "DistributedSampler.setEpoch: the epoch must be >= 0, got " + newEpoch);
    }
    epoch = newEpoch;
  }

  /** The epoch {@link #setEpoch} fixed, or -1 when the loader's epoch is used. */
  public int epoch() {
    return epoch;
  }

  /** The number of processes sharing the dataset. */
  public int numReplicas() {
    return numReplicas;
  }

  /** This process's rank. */
  public int rank() {
    return rank;
  }

  /** The number of examples of the dataset. */
  public int datasetSize() {
    return datasetSize;
  }

  /** Whether each epoch is a new permutation. */
  public boolean shuffle() {
    return shuffle;
  }

  /** The seed of the permutations. */
  public long seed() {
    return seed;
  }

  /** Whether the uneven tail is dropped (else padded). */
  public boolean dropLast() {
    return dropLast;
  }

  /**
   * This process's number of indices per epoch, the same on every process: {@code
   * ceil(datasetSize / numReplicas)}, or {@code floor(...)} with {@code dropLast}.
   */
  @Override
  public int size() {
    return numSamples;
  }

  /**
   * This process's indices of epoch {@code loaderEpoch} (or of the epoch {@link #setEpoch}
   * fixed).
   *
   * @throws IllegalArgumentException for a negative epoch
   */
  @Override
  public int[] indices(int loaderEpoch) {
    Samplers.checkEpoch("DistributedSampler", loaderEpoch);
    int e = epoch >= 0 ? epoch : loaderEpoch;
    int[] all = shuffle
        ? Datasets.permutation(datasetSize, new SplittableRandom(SampleRandom.epochSeed(seed, e)))
        : Samplers.identity(datasetSize);
    int[] mine = new int[numSamples];
    for (int i = 0; i < numSamples; i++) {
      // Position rank + i * numReplicas of the padded list; padding repeats from the start.
      long position = rank + (long) i * numReplicas;
      mine[i] = all[(int) (position % datasetSize)];
    }
    return mine;
  }

  @Override
  public String toString() {
    return "DistributedSampler(datasetSize=" + datasetSize + ", numReplicas=" + numReplicas
        + ", rank=" + rank + ", shuffle=" + shuffle + ", seed=" + seed + ", dropLast=" + dropLast
        + (epoch >= 0 ? ", epoch=" + epoch : "") + ")";
  }
}

package dev.shapetorch.data;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random numbers that random transforms ({@code RandomCrop}, {@code RandomHorizontalFlip})
 * draw, one generator per thread. A {@link DataLoader} reseeds it before it builds each batch,
 * from its seed, the epoch and the batch's index, so that an epoch's batches are the same
 * whatever the number of workers and whichever worker builds which batch.
 *
 * <pre>{@code
 * SampleRandom.seed(3);
 * Tensor a = crop.apply(image);    // the same crop every run
 * }</pre>
 *
 * <p>Outside a loader the generator of a thread starts from seed 0 until {@link #seed} is called
 * on that thread.
 */
public final class SampleRandom {

  private static final ThreadLocal<SplittableRandom> CURRENT =
      ThreadLocal.withInitial(() -> new SplittableRandom(0));

  private SampleRandom() {}

  /** The current thread's generator. */
  public static RandomGenerator current() {
    return CURRENT.get();
  }

  /** Restarts the current thread's generator from {@code seed}. */
  public static void seed(long seed) {
    CURRENT.set(new SplittableRandom(seed));
  }

  /** The seed a loader with {@code seed} uses for batch {@code batch} of epoch {@code epoch}. */
  static long batchSeed(long seed, long epoch, long batch) {
    return mix(mix(mix(seed) ^ epoch) ^ batch);
  }

  /** The seed of an epoch's order of examples. */
  static long epochSeed(long seed, long epoch) {
    return mix(mix(seed + 0x9E3779B97F4A7C15L) ^ epoch);
  }

  /** A strong 64-bit mixing function (SplitMix64's finaliser). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

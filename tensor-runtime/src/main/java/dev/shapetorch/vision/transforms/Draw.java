package dev.shapetorch.vision.transforms;

import dev.shapetorch.data.SampleRandom;
import java.util.random.RandomGenerator;

/** Draws of the random transforms, all from {@link SampleRandom}. */
final class Draw {

  private Draw() {}

  /** Uniform in {@code [lo, hi)} ({@code lo} if equal). */
  static double uniform(double lo, double hi) {
    return lo + (hi - lo) * SampleRandom.current().nextDouble();
  }

  /** True with probability {@code p} ({@code torch.rand(1) < p}). */
  static boolean coin(double p) {
    return SampleRandom.current().nextDouble() < p;
  }

  /** Uniform integer in {@code [lo, hiExclusive)}. */
  static long integer(long lo, long hiExclusive) {
    return SampleRandom.current().nextLong(lo, hiExclusive);
  }

  /** A uniformly shuffled {@code 0..n-1}. */
  static int[] permutation(int n) {
    RandomGenerator random = SampleRandom.current();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}

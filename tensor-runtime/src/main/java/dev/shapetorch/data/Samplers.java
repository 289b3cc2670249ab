package dev.shapetorch.data;

import java.util.SplittableRandom;

/** What the samplers share: checks and the epoch's random generator. */
final class Samplers {

  private Samplers() {}

  static void checkEpoch(String sampler, int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException(
          sampler + ".indices: the epoch must be >= 0, got " + epoch);
    }
  }

  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** The generator of epoch {@code epoch} for a sampler seeded with {@code seed}. */
  static SplittableRandom random(long seed, int epoch) {
    return new SplittableRandom(SampleRandom.epochSeed(seed, epoch));
  }
}

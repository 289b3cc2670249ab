package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The distributions the random samplers draw from, over many draws with fixed seeds: each
 * frequency lies within six standard deviations of its probability (a bound a correct sampler
 * misses with probability about 1e-9 per check), and a draw depends only on the seed and the
 * epoch.
 */
class SamplerStatisticsTest {

  /** Asserts that {@code count} successes of {@code trials} fit probability {@code p}. */
  private static void assertFrequency(long count, long trials, double p, String what) {
    double sigma = Math.sqrt(trials * p * (1 - p));
    assertTrue(Math.abs(count - trials * p) <= 6 * sigma + 1e-9,
        what + ": " + count + " of " + trials + ", expected " + trials * p + " +- " + 6 * sigma);
  }

  @Test
  void randomSampler_withoutReplacement_isAPermutation_newEachEpoch_sameForTheSameEpoch() {
    var s = new RandomSampler(50, false, 50, 9);
    int[] first = s.indices(0);
    int[] sorted = first.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(Samplers.identity(50));
    assertThat(s.indices(0)).isEqualTo(first);
    assertThat(s.indices(1)).isNotEqualTo(first);
    assertThat(s.withSeed(10).indices(0)).isNotEqualTo(first);
  }

  @Test
  void randomSampler_everyPositionIsUniform() {
    int n = 5;
    int epochs = 20_000;
    long[][] counts = new long[n][n]; // [position][index]
    var s = new RandomSampler(n, false, n, 1);
    for (int e = 0; e < epochs; e++) {
      int[] p = s.indices(e);
      for (int pos = 0; pos < n; pos++) {
        counts[pos][p[pos]]++;
      }
    }
    for (int pos = 0; pos < n; pos++) {
      for (int i = 0; i < n; i++) {
        assertFrequency(counts[pos][i], epochs, 1.0 / n, "position " + pos + " index " + i);
      }
    }
  }

  @Test
  void randomSampler_withReplacement_drawsUniformly() {
    int n = 7;
    int draws = 200_000;
    int[] drawn = new RandomSampler(n, true, draws, 2).indices(0);
    long[] counts = new long[n];
    for (int i : drawn) {
      counts[i]++;
    }
    for (int i = 0; i < n; i++) {
      assertFrequency(counts[i], draws, 1.0 / n, "index " + i);
    }
    // With replacement some index repeats in 20 draws of 7 (pigeonhole).
    int[] few = new RandomSampler(n, true, 20, 2).indices(0);
    assertThat(Arrays.stream(few).distinct().count()).isLessThan(20L);
  }

  @Test
  void weightedRandomSampler_withReplacement_drawsProportionallyToTheWeights() {
    double[] w = {1, 0, 2, 3.5, 0.5};
    double total = 7;
    int draws = 200_000;
    int[] drawn = new WeightedRandomSampler(w, draws, true, 4).indices(3);
    long[] counts = new long[w.length];
    for (int i : drawn) {
      counts[i]++;
    }
    assertEquals(0, counts[1], "an index of weight zero is never drawn");
    for (int i = 0; i < w.length; i++) {
      assertFrequency(counts[i], draws, w[i] / total, "index " + i);
    }
  }

  /**
   * Without replacement, two draws from weights {@code w}: index {@code i} is among them with
   * probability {@code w_i/S + sum_{j != i} (w_j/S) (w_i/(S - w_j))}, the law of successive
   * weighted draws that {@code torch.multinomial} follows.
   */
  @Test
  void weightedRandomSampler_withoutReplacement_followsSuccessiveWeightedDraws() {
    double[] w = {0.1, 0.2, 0.3, 0.4};
    double total = 1.0;
    int epochs = 40_000;
    var s = new WeightedRandomSampler(w, 2, false, 8);
    long[] first = new long[w.length];
    long[] included = new long[w.length];
    for (int e = 0; e < epochs; e++) {
      int[] d = s.indices(e);
      assertThat(d[0]).isNotEqualTo(d[1]);
      first[d[0]]++;
      included[d[0]]++;
      included[d[1]]++;
    }
    for (int i = 0; i < w.length; i++) {
      assertFrequency(first[i], epochs, w[i] / total, "first draw " + i);
      double p = w[i] / total;
      for (int j = 0; j < w.length; j++) {
        if (j != i) {
          p += (w[j] / total) * (w[i] / (total - w[j]));
        }
      }
      assertFrequency(included[i], epochs, p, "included " + i);
    }
  }

  @Test
  void subsetRandomSampler_everyPositionIsUniformOverTheSubset() {
    int[] subset = {10, 20, 30, 40};
    int epochs = 20_000;
    long[] atFirst = new long[5];
    var s = new SubsetRandomSampler(subset, 6);
    for (int e = 0; e < epochs; e++) {
      atFirst[s.indices(e)[0] / 10]++;
    }
    for (int k = 1; k <= 4; k++) {
      assertFrequency(atFirst[k], epochs, 0.25, "index " + 10 * k + " first");
    }
  }
}

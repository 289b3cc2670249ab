package dev.shapetorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DistributedSampler's partition (what data-parallel training relies on: every process gets the
 * same number of indices, the shares do not overlap, together they cover the dataset, and the
 * order depends only on the seed and the epoch) and its use as a DataLoader's sampler.
 */
class DistributedSamplerTest {

  /** The shares of every rank for one epoch. */
  private static int[][] shares(int n, int replicas, boolean shuffle, long seed, boolean dropLast,
      int epoch) {
    int[][] out = new int[replicas][];
    for (int r = 0; r < replicas; r++) {
      out[r] = new DistributedSampler(n, replicas, r, shuffle, seed, dropLast).indices(epoch);
    }
    return out;
  }

  /** How often each index appears over all shares. */
  private static Map<Integer, Integer> counts(int[][] shares) {
    Map<Integer, Integer> c = new HashMap<>();
    for (int[] s : shares) {
      for (int i : s) {
        c.merge(i, 1, Integer::sum);
      }
    }
    return c;
  }

  @Test
  void padding_everyRankGetsCeilOfTheShare_andTogetherTheyCoverTheDataset() {
    for (int n : new int[] {0, 1, 2, 7, 10, 11, 12, 13}) {
      for (int replicas : new int[] {1, 2, 3, 4, 5}) {
        for (boolean shuffle : new boolean[] {false, true}) {
          int[][] s = shares(n, replicas, shuffle, 5, false, 3);
          int expected = (n + replicas - 1) / replicas;
          for (int[] share : s) {
            assertEquals(expected, share.length, n + " over " + replicas);
          }
          Map<Integer, Integer> c = counts(s);
          assertEquals(n, c.size(), "every index is visited, n=" + n + " r=" + replicas);
          int padding = expected * replicas - n;
          int repeated = 0;
          for (Map.Entry<Integer, Integer> e : c.entrySet()) {
            assertTrue(e.getKey() >= 0 && e.getKey() < n);
            repeated += e.getValue() - 1;
          }
          assertEquals(padding, repeated, "only the padding repeats, n=" + n + " r=" + replicas);
        }
      }
    }
  }

  @Test
  void dropLast_everyRankGetsFloorOfTheShare_disjoint() {
    for (int n : new int[] {0, 1, 2, 7, 10, 11, 12, 13}) {
      for (int replicas : new int[] {1, 2, 3, 4, 5}) {
        int[][] s = shares(n, replicas, true, 9, true, 0);
        for (int[] share : s) {
          assertEquals(n / replicas, share.length);
        }
        Map<Integer, Integer> c = counts(s);
        assertEquals(n / replicas * replicas, c.size(), "no index twice");
        assertTrue(c.values().stream().allMatch(v -> v == 1));
      }
    }
  }

  @Test
  void withoutShuffle_rankTakesEveryNthIndex_paddedFromTheStart() {
    assertArrayEquals(new int[] {0, 3, 6, 9}, shares(10, 3, false, 0, false, 0)[0]);
    assertArrayEquals(new int[] {1, 4, 7, 0}, shares(10, 3, false, 0, false, 0)[1]);
    assertArrayEquals(new int[] {2, 5, 8, 1}, shares(10, 3, false, 0, false, 0)[2]);
    assertArrayEquals(new int[] {2, 5, 8}, shares(10, 3, false, 0, true, 0)[2]);
    // A padding longer than the dataset repeats it.
    assertArrayEquals(new int[] {0}, shares(1, 3, false, 0, false, 0)[2]);
  }

  @Test
  void shuffle_isDeterministicPerSeedAndEpoch_andChangesWithEither() {
    int[][] a = shares(50, 2, true, 7, false, 4);
    assertArrayEquals(a[0], shares(50, 2, true, 7, false, 4)[0]);
    assertArrayEquals(a[1], shares(50, 2, true, 7, false, 4)[1]);
    assertFalse(Arrays.equals(a[0], shares(50, 2, true, 7, false, 5)[0]), "another epoch");
    assertFalse(Arrays.equals(a[0], shares(50, 2, true, 8, false, 4)[0]), "another seed");
    int[] sorted = a[0].clone();
    Arrays.sort(sorted);
    assertFalse(Arrays.equals(sorted, a[0]), "shuffled, not in order");
  }

  @Test
  void setEpoch_overridesTheLoadersEpoch() {
    DistributedSampler s = new DistributedSampler(40, 2, 1, true, 3, false);
    assertEquals(-1, s.epoch());
    int[] epoch2 = s.indices(2);
    s.setEpoch(2);
    assertEquals(2, s.epoch());
    assertArrayEquals(epoch2, s.indices(0));
    assertArrayEquals(epoch2, s.indices(7));
    assertThrows(IllegalArgumentException.class, () -> s.setEpoch(-1));
  }

  @Test
  void withCopies_keepTheOtherSettings() {
    DistributedSampler s = new DistributedSampler(20, 4, 3, true, 0, false);
    DistributedSampler t = s.withSeed(11).withDropLast(true).withShuffle(false);
    assertEquals(20, t.datasetSize());
    assertEquals(4, t.numReplicas());
    assertEquals(3, t.rank());
    assertEquals(11, t.seed());
    assertTrue(t.dropLast());
    assertFalse(t.shuffle());
    assertEquals(5, t.size());
  }

  @Test
  void badArguments_nameTheArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DistributedSampler(10, 2, 2, true, 0, false));
    assertTrue(e.getMessage().startsWith("DistributedSampler: rank 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new DistributedSampler(10, 0, 0, true, 0, false));
    assertTrue(e.getMessage().contains("numReplicas"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new DistributedSampler(-1, 1, 0, true, 0, false));
    assertTrue(e.getMessage().contains("datasetSize"), e.getMessage());
  }

  /** The labels (dataset indices) of one epoch of a loader over {@code arange(n)}. */
  private static List<Long> epoch(DataLoader<List<Tensor>> loader) {
    List<Long> out = new ArrayList<>();
    for (List<Tensor> batch : loader) {
      for (long v : batch.get(1).toLongArray()) {
        out.add(v);
      }
    }
    return out;
  }

  @Test
  void inADataLoader_eachRankLoadsItsShare_inBatches_newOrderEachEpoch() {
    TensorDataset data = new TensorDataset(Torch.randn(11, 2), Torch.arange(11));
    List<Long> all = new ArrayList<>();
    for (int rank = 0; rank < 2; rank++) {
      DistributedSampler sampler = new DistributedSampler(data, 2, rank);
      DataLoader<List<Tensor>> loader =
          DataLoader.of(data, LoaderOptions.batchSize(4).withSampler(sampler));
      assertEquals(2, loader.numBatches(), "6 indices in batches of 4");
      List<Long> first = epoch(loader);
      List<Long> second = epoch(loader);
      assertEquals(6, first.size());
      long[] expected = Arrays.stream(sampler.indices(0)).asLongStream().toArray();
      assertArrayEquals(expected, first.stream().mapToLong(Long::longValue).toArray());
      assertArrayEquals(Arrays.stream(sampler.indices(1)).asLongStream().toArray(),
          second.stream().mapToLong(Long::longValue).toArray());
      all.addAll(first);
    }
    assertEquals(11, all.stream().distinct().count(), "the two ranks cover the dataset");
  }

  @Test
  void samplerAndShuffle_cannotBeCombined() {
    DistributedSampler sampler = new DistributedSampler(10, 2, 0, true, 0, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LoaderOptions.batchSize(2).withShuffle(true).withSampler(sampler));
    assertTrue(e.getMessage().contains("sampler and shuffle"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LoaderOptions.batchSize(2).withSampler(sampler).withShuffle(true));
  }

  @Test
  void aSamplerForAnotherDataset_isReportedWhenIterating() {
    TensorDataset data = new TensorDataset(Torch.randn(4, 2), Torch.arange(4));
    DistributedSampler tooBig = new DistributedSampler(10, 1, 0, false, 0, false);
    DataLoader<List<Tensor>> loader =
        DataLoader.of(data, LoaderOptions.batchSize(2).withSampler(tooBig));
    IllegalStateException e = assertThrows(IllegalStateException.class, loader::iterator);
    assertTrue(e.getMessage().contains("index 4 for a dataset of 4 examples"), e.getMessage());
  }
}

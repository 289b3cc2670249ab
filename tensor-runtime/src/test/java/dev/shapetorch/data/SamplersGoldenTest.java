package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The samplers, BatchSampler and ConcatDataset against PyTorch 1.13 (fixture {@code
 * golden/data/samplers.json}, from {@code src/test/python/data_golden.py}): sizes, batches, the
 * number of loader batches, the structure of random draws, which arguments are refused, and
 * which example a concatenated index reaches. Random orders themselves are ShapeTorch's own.
 */
class SamplersGoldenTest {

  private static JsonObject golden;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SamplersGoldenTest.class.getResourceAsStream("/golden/data/samplers.json")) {
      assertNotNull(in, "missing fixture golden/data/samplers.json");
      golden = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  private static List<JsonObject> cases(String name) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : golden.getAsJsonArray(name)) {
      out.add(e.getAsJsonObject());
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static int[] ints(JsonArray a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsInt();
    }
    return out;
  }

  @Test
  void batchSampler_overASequentialSampler_cutsPyTorchsBatches() {
    for (JsonObject c : cases("batch_sampler")) {
      int n = c.get("n").getAsInt();
      var bs = new BatchSampler(new SequentialSampler(n), c.get("batch_size").getAsInt(),
          c.get("drop_last").getAsBoolean());
      String name = c.toString();
      assertEquals(c.get("len").getAsInt(), bs.size(), name);
      JsonArray expected = c.getAsJsonArray("batches");
      int[][] batches = bs.batches(0);
      assertEquals(expected.size(), batches.length, name);
      for (int k = 0; k < batches.length; k++) {
        assertThat(batches[k]).isEqualTo(ints(expected.get(k).getAsJsonArray()));
      }
    }
  }

  @Test
  void loaderWithABatchSampler_hasPyTorchsNumberOfBatches_andVisitsThem() {
    for (JsonObject c : cases("batch_sampler")) {
      int n = c.get("n").getAsInt();
      var bs = new BatchSampler(new SequentialSampler(n), c.get("batch_size").getAsInt(),
          c.get("drop_last").getAsBoolean());
      var loader = DataLoader.of(new TensorDataset(Torch.arange(n)),
          LoaderOptions.DEFAULTS.withBatchSampler(bs));
      assertEquals(c.get("loader_len").getAsInt(), loader.numBatches(), c.toString());
      JsonArray expected = c.getAsJsonArray("batches");
      int k = 0;
      for (List<Tensor> batch : loader) {
        assertThat(batch.get(0).toLongArray())
            .isEqualTo(Arrays.stream(ints(expected.get(k++).getAsJsonArray()))
                .asLongStream().toArray());
      }
      assertEquals(expected.size(), k, c.toString());
    }
  }

  @Test
  void randomSampler_hasPyTorchsSize_andEachIndexAsOftenAsPyTorchWithoutReplacement() {
    for (JsonObject c : cases("random")) {
      int n = c.get("n").getAsInt();
      boolean replacement = c.get("replacement").getAsBoolean();
      var s = new RandomSampler(n, replacement,
          c.get("num_samples").isJsonNull() ? n : c.get("num_samples").getAsInt(), 3);
      String name = c.toString();
      assertEquals(c.get("len").getAsInt(), s.size(), name);
      for (int epoch = 0; epoch < 3; epoch++) {
        int[] drawn = s.indices(epoch);
        assertEquals(c.get("drawn").getAsInt(), drawn.length, name);
        int[] counts = new int[n];
        for (int i : drawn) {
          counts[i]++; // also checks every index is in range
        }
        if (!replacement) {
          // Whole permutations, then the start of one: counts differ by at most one.
          assertEquals(c.get("max_count").getAsInt(), Arrays.stream(counts).max().getAsInt(), name);
          assertEquals(c.get("min_count").getAsInt(), Arrays.stream(counts).min().getAsInt(), name);
        }
      }
    }
  }

  @Test
  void subsetRandomSampler_visitsExactlyTheGivenIndices() {
    for (JsonObject c : cases("subset")) {
      var s = new SubsetRandomSampler(ints(c.getAsJsonArray("indices")), 11);
      assertEquals(c.get("len").getAsInt(), s.size());
      for (int epoch = 0; epoch < 3; epoch++) {
        int[] drawn = s.indices(epoch);
        Arrays.sort(drawn);
        assertThat(drawn).isEqualTo(ints(c.getAsJsonArray("sorted")));
      }
    }
  }

  @Test
  void weightedRandomSampler_neverDrawsAZeroWeight_andDrawsDistinctIndicesWithoutReplacement() {
    for (JsonObject c : cases("weighted")) {
      JsonArray w = c.getAsJsonArray("weights");
      double[] weights = new double[w.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = w.get(i).getAsDouble();
      }
      var s = new WeightedRandomSampler(weights, c.get("num_samples").getAsInt(),
          c.get("replacement").getAsBoolean(), 5);
      assertEquals(c.get("len").getAsInt(), s.size());
      for (int epoch = 0; epoch < 20; epoch++) {
        int[] drawn = s.indices(epoch);
        assertEquals(s.size(), drawn.length);
        boolean zero = Arrays.stream(drawn).anyMatch(i -> weights[i] == 0);
        assertEquals(c.get("zero_weight_drawn").getAsBoolean(), zero, c.toString());
        if (c.get("distinct").getAsBoolean()) {
          assertEquals(drawn.length, Arrays.stream(drawn).distinct().count(), c.toString());
        }
      }
    }
  }

  @Test
  void argumentsPyTorchRefuses_areRefused() {
    JsonObject errors = golden.getAsJsonObject("errors");
    assertTrue(errors.get("random_num_samples_0").getAsBoolean());
    assertThrows(IllegalArgumentException.class, () -> new RandomSampler(3, false, 0, 0));
    assertTrue(errors.get("random_empty").getAsBoolean());
    var empty = assertThrows(IllegalArgumentException.class,
        () -> new RandomSampler(new TensorDataset(Torch.zeros(0))));
    assertThat(empty).hasMessageThat().startsWith("RandomSampler: ");
    assertTrue(errors.get("weighted_num_samples_0").getAsBoolean());
    assertThrows(IllegalArgumentException.class,
        () -> new WeightedRandomSampler(new double[] {1}, 0));
    assertTrue(errors.get("weighted_negative").getAsBoolean());
    var negative = assertThrows(IllegalArgumentException.class,
        () -> new WeightedRandomSampler(new double[] {1, -1}, 2));
    assertThat(negative).hasMessageThat()
        .isEqualTo("WeightedRandomSampler: weight 1 is -1.0; every weight must be finite and >= 0");
    assertTrue(errors.get("weighted_all_zero").getAsBoolean());
    assertThrows(IllegalArgumentException.class,
        () -> new WeightedRandomSampler(new double[] {0, 0}, 2));
    assertTrue(errors.get("batch_size_0").getAsBoolean());
    assertThrows(IllegalArgumentException.class,
        () -> new BatchSampler(new SequentialSampler(3), 0, false));
    var bs = new BatchSampler(new SequentialSampler(4), 2, false);
    assertTrue(errors.get("batch_sampler_with_batch_size").getAsBoolean());
    var withSize = assertThrows(IllegalArgumentException.class,
        () -> LoaderOptions.batchSize(2).withBatchSampler(bs));
    assertThat(withSize).hasMessageThat().contains("mutually exclusive with batchSize (2)");
    assertTrue(errors.get("batch_sampler_with_shuffle").getAsBoolean());
    assertThrows(IllegalArgumentException.class,
        () -> LoaderOptions.DEFAULTS.withShuffle(true).withBatchSampler(bs));
    assertThrows(IllegalArgumentException.class,
        () -> LoaderOptions.DEFAULTS.withBatchSampler(bs).withShuffle(true));
    assertTrue(errors.get("batch_sampler_with_drop_last").getAsBoolean());
    assertThrows(IllegalArgumentException.class,
        () -> LoaderOptions.DEFAULTS.withDropLast(true).withBatchSampler(bs));
    assertThrows(IllegalArgumentException.class, () -> LoaderOptions.DEFAULTS
        .withSampler(new SequentialSampler(4)).withBatchSampler(bs));
    assertTrue(errors.get("concat_empty").getAsBoolean());
    assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<>(List.of()));
  }

  /**
   * PyTorch 1.13 draws more samples without replacement than there are positive weights and then
   * returns indices of weight zero; ShapeTorch refuses instead, naming both numbers.
   */
  @Test
  void weightedWithoutReplacement_tooManySamples_isRefusedWherePyTorchDrawsZeroWeights() {
    assertFalse(golden.getAsJsonObject("errors")
        .get("weighted_too_many_without_replacement").getAsBoolean());
    var e = assertThrows(IllegalArgumentException.class,
        () -> new WeightedRandomSampler(new double[] {1, 0, 1}, 3, false, 0));
    assertThat(e).hasMessageThat().isEqualTo("WeightedRandomSampler: cannot draw 3 samples"
        + " without replacement from 2 indices of positive weight; draw at most 2 or draw with"
        + " replacement");
  }

  @Test
  void concatDataset_reachesPyTorchsExample_forEveryIndex() {
    for (JsonObject c : cases("concat")) {
      int[] sizes = ints(c.getAsJsonArray("sizes"));
      List<Dataset<Long>> parts = new ArrayList<>();
      for (int k = 0; k < sizes.length; k++) {
        long base = 100L * k;
        int n = sizes[k];
        parts.add(new Dataset<>() {
          @Override
          public int size() {
            return n;
          }

          @Override
          public Long get(int index) {
            return base + Dataset.checkIndex(index, n);
          }
        });
      }
      var concat = new ConcatDataset<Long>(parts);
      assertEquals(c.get("len").getAsInt(), concat.size());
      assertThat(concat.cumulativeSizes()).isEqualTo(
          Arrays.stream(ints(c.getAsJsonArray("cumulative_sizes"))).asLongStream().toArray());
      int[] items = ints(c.getAsJsonArray("items"));
      for (int i = 0; i < items.length; i++) {
        assertEquals(items[i], concat.get(i).longValue(), c + " index " + i);
      }
      assertThrows(IndexOutOfBoundsException.class, () -> concat.get(concat.size()));
    }
  }
}

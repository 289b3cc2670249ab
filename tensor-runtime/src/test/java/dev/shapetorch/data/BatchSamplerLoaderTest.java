package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A DataLoader driven by a batch sampler or one of the new samplers, with and without workers,
 * and a ConcatDataset batched by a loader.
 */
class BatchSamplerLoaderTest {

  /** Groups indices by their value modulo 3: batches that a plain batch size cannot make. */
  private static final class ByResidue extends BatchSampler {
    ByResidue(int n) {
      super(new SequentialSampler(n), 1, false);
    }

    @Override
    public int size() {
      return 3;
    }

    @Override
    public int[][] batches(int epoch) {
      int n = sampler().size();
      int[][] out = new int[3][];
      for (int r = 0; r < 3; r++) {
        int residue = r;
        out[r] = Arrays.stream(Samplers.identity(n)).filter(i -> i % 3 == residue).toArray();
      }
      return out;
    }
  }

  private static List<long[]> collect(DataLoader<List<Tensor>> loader) {
    List<long[]> out = new ArrayList<>();
    for (List<Tensor> batch : loader) {
      out.add(batch.get(0).toLongArray());
    }
    return out;
  }

  @Test
  void aBatchSamplerOfYourOwn_decidesTheBatches_withAndWithoutWorkers() {
    var data = new TensorDataset(Torch.arange(10));
    for (int workers : new int[] {0, 2}) {
      var loader = DataLoader.of(data,
          LoaderOptions.DEFAULTS.withNumWorkers(workers).withBatchSampler(new ByResidue(10)));
      assertEquals(3, loader.numBatches());
      List<long[]> batches = collect(loader);
      assertThat(batches.get(0)).isEqualTo(new long[] {0, 3, 6, 9});
      assertThat(batches.get(1)).isEqualTo(new long[] {1, 4, 7});
      assertThat(batches.get(2)).isEqualTo(new long[] {2, 5, 8});
    }
  }

  @Test
  void aRandomBatchSampler_coversTheDatasetOnceAnEpoch_inNewBatchesEachEpoch() {
    var data = new TensorDataset(Torch.arange(23));
    var loader = DataLoader.of(data, LoaderOptions.DEFAULTS
        .withBatchSampler(new BatchSampler(new RandomSampler(data), 5, false)));
    List<long[]> first = collect(loader);
    List<long[]> second = collect(loader);
    for (List<long[]> epoch : List.of(first, second)) {
      assertThat(epoch.stream().map(b -> b.length).toList()).containsExactly(5, 5, 5, 5, 3);
      long[] all = epoch.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      assertThat(all).isEqualTo(Arrays.stream(Samplers.identity(23)).asLongStream().toArray());
    }
    assertThat(first.get(0)).isNotEqualTo(second.get(0));
  }

  @Test
  void aBatchSamplerWithIndicesOutsideTheDataset_isRefusedNamingTheIndex() {
    var data = new TensorDataset(Torch.arange(4));
    var loader = DataLoader.of(data, LoaderOptions.DEFAULTS
        .withBatchSampler(new BatchSampler(new SequentialSampler(6), 2, false)));
    var e = assertThrows(IllegalStateException.class, loader::iterator);
    assertThat(e).hasMessageThat().contains("gave index 4 in batch 2 for a dataset of 4 examples");
  }

  @Test
  void aWeightedSamplerAsTheLoadersSampler_oversamplesTheRareClass() {
    // 90 examples of class 0, 10 of class 1; weights 1/count balance them.
    long[] labels = new long[100];
    Arrays.fill(labels, 90, 100, 1);
    double[] w = new double[100];
    for (int i = 0; i < 100; i++) {
      w[i] = labels[i] == 0 ? 1.0 / 90 : 1.0 / 10;
    }
    var data = new TensorDataset(Torch.tensor(labels));
    var loader = DataLoader.of(data, LoaderOptions.batchSize(50)
        .withSampler(new WeightedRandomSampler(w, 20_000, true, 1)));
    long ones = 0;
    long total = 0;
    for (List<Tensor> batch : loader) {
      for (long y : batch.get(0).toLongArray()) {
        ones += y;
        total++;
      }
    }
    assertEquals(20_000, total);
    double sigma = Math.sqrt(total * 0.25);
    assertThat((double) ones).isWithin(6 * sigma).of(total * 0.5);
  }

  @Test
  void aConcatDataset_isBatchedAcrossItsParts() {
    var a = new TensorDataset(Torch.arange(0, 3));
    var b = new TensorDataset(Torch.arange(100, 104));
    var loader = DataLoader.of(ConcatDataset.of(a, b), LoaderOptions.batchSize(4));
    List<long[]> batches = new ArrayList<>();
    for (List<Tensor> batch : loader) {
      batches.add(batch.get(0).toLongArray());
    }
    assertThat(batches.get(0)).isEqualTo(new long[] {0, 1, 2, 100});
    assertThat(batches.get(1)).isEqualTo(new long[] {101, 102, 103});
  }
}

package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.data.Sample;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Compose;
import dev.shapetorch.vision.transforms.Normalize;
import dev.shapetorch.vision.transforms.RandomHorizontalFlip;
import dev.shapetorch.vision.transforms.ToTensor;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST test split, where Debian's dataset-fashion-mnist package installs it
 * (skipped on machines without it).
 */
class FashionMnistTest {

  private static FashionMNIST test;

  @BeforeAll
  static void load() {
    assumeTrue(Files.isRegularFile(
        FashionMNIST.SYSTEM_ROOT.resolve("t10k-images-idx3-ubyte.gz")),
        "Fashion-MNIST is not installed in " + FashionMNIST.SYSTEM_ROOT);
    test = FashionMNIST.test(null);
  }

  @Test
  void theDefaultRoot_isTheSystemCopy() {
    assertThat(FashionMNIST.defaultRoot()).isEqualTo(FashionMNIST.SYSTEM_ROOT);
  }

  @Test
  void testSplit_has10000BalancedExamples() {
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(test.images().shape()).isEqualTo(new long[] {10_000, 1, 28, 28});
    assertThat(test.images().dtype()).isEqualTo(DType.UINT8);
    long[] counts = new long[10];
    for (long label : test.labels().toLongArray()) {
      counts[(int) label]++;
    }
    assertThat(counts).isEqualTo(new long[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
        1000, 1000});
  }

  @Test
  void firstExample_isAnAnkleBoot() {
    Sample s = test.get(0);
    assertThat(s.target().itemLong()).isEqualTo(9L);
    assertThat(test.classes().get(9)).isEqualTo("Ankle boot");
    assertThat(s.input().shape()).isEqualTo(new long[] {1, 28, 28});
    assertThat(s.input().max().itemLong()).isAtMost(255L);
  }

  @Test
  void batchesWithABatchableTransform_equalStackedExamples() {
    FashionMNIST t = new FashionMNIST(FashionMNIST.SYSTEM_ROOT, false,
        Compose.of(new ToTensor(), new Normalize(new double[] {0.2860}, new double[] {0.3530})));
    int[] idx = {5, 0, 9999};
    Sample batch = t.getBatch(idx);
    assertThat(batch.input().shape()).isEqualTo(new long[] {3, 1, 28, 28});
    for (int i = 0; i < idx.length; i++) {
      Tensor one = t.get(idx[i]).input();
      assertThat(batch.input().select(0, i).sub(one).abs().max().item()).isEqualTo(0.0);
    }
    assertThat(batch.target().toLongArray()).isEqualTo(test.labels().indexSelect(0,
        Torch.tensor(new long[] {5, 0, 9999})).toLongArray());
  }

  @Test
  void randomTransforms_areAppliedPerImage_inBatches() {
    FashionMNIST t = new FashionMNIST(FashionMNIST.SYSTEM_ROOT, false,
        Compose.of(new ToTensor(), new RandomHorizontalFlip(1.0)));
    Sample batch = t.getBatch(new int[] {1, 2});
    Tensor flippedByHand = test.images().select(0, 2).to(DType.FLOAT32).div(255.0)
        .indexSelect(-1, Torch.arange(27, -1, -1));
    assertThat(batch.input().select(0, 1).sub(flippedByHand).abs().max().item()).isEqualTo(0.0);
  }

  @Test
  void aLoaderEpoch_coversTheSplit() {
    var loader = DataLoader.of(test, LoaderOptions.batchSize(1000).withShuffle(true).withSeed(1));
    long total = 0;
    long labelSum = 0;
    for (Sample batch : loader) {
      total += batch.target().numel();
      labelSum += batch.target().sum().itemLong();
    }
    assertThat(total).isEqualTo(10_000);
    assertThat(labelSum).isEqualTo(45_000);
  }
}

package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TensorDataset, Collate.stack, Subset and randomSplit. */
class TensorDatasetTest {

  private static TensorDataset rows() {
    // features [5, 2] = 0..9, labels [5] = 10..14
    return new TensorDataset(
        Torch.arange(0, 10).view(5, 2), Torch.arange(10, 15));
  }

  @Test
  void get_returnsRowIOfEachTensor() {
    List<Tensor> ex = rows().get(3);
    assertThat(ex.get(0).toLongArray()).asList().containsExactly(6L, 7L).inOrder();
    assertThat(ex.get(1).shape()).isEmpty();
    assertThat(ex.get(1).itemLong()).isEqualTo(13L);
  }

  @Test
  void getBatch_equalsStackingTheExamples() {
    TensorDataset d = rows();
    List<Tensor> batch = d.getBatch(new int[] {4, 0, 2});
    List<Tensor> stacked = Collate.<List<Tensor>>stack().collate(List.of(d.get(4), d.get(0), d.get(2)));
    assertThat(batch.get(0).shape()).asList().containsExactly(3L, 2L).inOrder();
    assertThat(batch.get(0).toLongArray()).isEqualTo(stacked.get(0).toLongArray());
    assertThat(batch.get(1).toLongArray()).asList().containsExactly(14L, 10L, 12L).inOrder();
    assertThat(batch.get(1).toLongArray()).isEqualTo(stacked.get(1).toLongArray());
  }

  @Test
  void differentFirstDimensions_areRejectedWithBothShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TensorDataset(Torch.zeros(4, 3), Torch.zeros(5)));
    assertThat(e).hasMessageThat().contains("tensor 0 has 4 examples (shape [4, 3])");
    assertThat(e).hasMessageThat().contains("tensor 1 has 5 (shape [5])");
  }

  @Test
  void outOfRangeIndex_namesIndexAndSize() {
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> rows().get(5));
    assertThat(e).hasMessageThat().isEqualTo(
        "TensorDataset.get: index 5 is out of range for a dataset of 5 examples");
    assertThrows(IndexOutOfBoundsException.class, () -> rows().getBatch(new int[] {0, -1}));
  }

  @Test
  void stack_collatesSamplesNumbersAndMaps() {
    Sample a = new Sample(Torch.ones(2, 2), Torch.scalarTensor(3L));
    Sample b = new Sample(Torch.zeros(2, 2), Torch.scalarTensor(7L));
    Sample batch = Collate.<Sample>stack().collate(List.of(a, b));
    assertThat(batch.input().shape()).asList().containsExactly(2L, 2L, 2L).inOrder();
    assertThat(batch.target().toLongArray()).asList().containsExactly(3L, 7L).inOrder();

    Map<String, Object> m = Collate.<Map<String, Object>>stack()
        .collate(List.of(Map.of("id", 1L, "w", 0.5), Map.of("id", 2L, "w", 1.5)));
    Tensor ids = (Tensor) m.get("id");
    Tensor ws = (Tensor) m.get("w");
    assertThat(ids.dtype().toString()).isEqualTo("torch.int64");
    assertThat(ids.toLongArray()).asList().containsExactly(1L, 2L).inOrder();
    assertThat(ws.toDoubleArray()).usingExactEquality().containsExactly(0.5, 1.5).inOrder();
  }

  @Test
  void stack_ofDifferentShapes_isAShapeError() {
    assertThrows(ShapeException.class,
        () -> Collate.<Tensor>stack().collate(List.of(Torch.zeros(2), Torch.zeros(3))));
  }

  @Test
  void stack_ofAnUnknownType_saysToPassACollate() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Collate.<String>stack().collate(List.of("a", "b")));
    assertThat(e).hasMessageThat().contains("cannot collate examples of type java.lang.String");
    assertThat(e).hasMessageThat().contains("pass a custom Collate");
  }

  @Test
  void subset_mapsIndicesAndBatches() {
    Subset<List<Tensor>> s = new Subset<>(rows(), new int[] {4, 1});
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.get(0).get(1).itemLong()).isEqualTo(14L);
    assertThat(s.supportsBatches()).isTrue();
    assertThat(s.getBatch(new int[] {1, 0}).get(1).toLongArray())
        .asList().containsExactly(11L, 14L).inOrder();
    assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(rows(), new int[] {5}));
  }

  @Test
  void subsetOfAPlainDataset_doesNotClaimBatches() {
    Dataset<Tensor> plain = rows().map(ex -> ex.get(1));
    Subset<Tensor> s = new Subset<>(plain, new int[] {0});
    assertThat(s.supportsBatches()).isFalse();
    assertThrows(UnsupportedOperationException.class, () -> s.getBatch(new int[] {0}));
  }

  @Test
  void randomSplit_partitionsTheDataset_reproduciblyBySeed() {
    Dataset<Tensor> d = rows().map(ex -> ex.get(1));
    List<Subset<Tensor>> parts = Datasets.randomSplit(d, 7, 3, 2);
    assertThat(parts.get(0).size()).isEqualTo(3);
    assertThat(parts.get(1).size()).isEqualTo(2);
    java.util.List<Integer> all = new java.util.ArrayList<>();
    for (Subset<Tensor> p : parts) {
      for (int i : p.indices()) {
        all.add(i);
      }
    }
    assertThat(all).containsExactly(0, 1, 2, 3, 4);
    assertThat(Datasets.randomSplit(d, 7, 3, 2).get(0).indices()).isEqualTo(parts.get(0).indices());
    boolean anyDiffers = false;
    for (long seed = 8; seed < 20 && !anyDiffers; seed++) {
      anyDiffers = !java.util.Arrays.equals(
          Datasets.randomSplit(d, seed, 3, 2).get(0).indices(), parts.get(0).indices());
    }
    assertThat(anyDiffers).isTrue();
  }

  @Test
  void randomSplitByFractions_givesLeftoversToTheFirstParts() {
    Dataset<Tensor> d = rows().map(ex -> ex.get(1));
    List<Subset<Tensor>> parts = Datasets.randomSplit(d, 1, 0.3, 0.3, 0.4);
    // floor(1.5)=1, floor(1.5)=1, floor(2.0)=2: one left over goes to the first part
    assertThat(parts.stream().map(Subset::size).toList()).containsExactly(2, 1, 2).inOrder();
  }

  @Test
  void randomSplit_withWrongLengths_saysWhatTheyAddUpTo() {
    Dataset<Tensor> d = rows().map(ex -> ex.get(1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(d, 1, 3, 3));
    assertThat(e).hasMessageThat()
        .isEqualTo("Datasets.randomSplit: lengths [3, 3] add up to 6, but the dataset has 5 examples");
  }
}

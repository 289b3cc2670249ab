package dev.shapetorch.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TensorDataset.of: a dataset of (input, target) Samples, its loader's batches, and its errors,
 * which read as the checker's (PipelineRejected in processor-tests).
 */
class SampleDatasetTest {

  private static SampleDataset rows() {
    // inputs [5, 2] = 0..9, targets [5] = 10..14
    return TensorDataset.of(Torch.arange(0, 10).view(5, 2), Torch.arange(10, 15));
  }

  @Test
  void get_isTheSampleOfRowI() {
    Sample s = rows().get(3);
    assertThat(s.input().toLongArray()).asList().containsExactly(6L, 7L).inOrder();
    assertThat(s.target().shape()).isEmpty();
    assertThat(s.target().itemLong()).isEqualTo(13L);
    assertThat(rows().size()).isEqualTo(5);
  }

  @Test
  void getBatch_equalsStackingTheSamples() {
    SampleDataset d = rows();
    Sample batch = d.getBatch(new int[] {4, 0, 2});
    Sample stacked = Collate.<Sample>stack().collate(List.of(d.get(4), d.get(0), d.get(2)));
    assertThat(batch.input().shape()).asList().containsExactly(3L, 2L).inOrder();
    assertThat(batch.input().toLongArray()).isEqualTo(stacked.input().toLongArray());
    assertThat(batch.target().toLongArray()).asList().containsExactly(14L, 10L, 12L).inOrder();
    assertThat(batch.target().toLongArray()).isEqualTo(stacked.target().toLongArray());
  }

  @Test
  void loader_givesFullBatchesAndAShorterLast_unlessDropLast() {
    SampleDataset d = rows();
    List<Long> sizes = new ArrayList<>();
    for (Sample b : DataLoader.of(d, LoaderOptions.batchSize(2))) {
      assertThat(b.target().size(0)).isEqualTo(b.input().size(0));
      sizes.add(b.input().size(0));
    }
    assertThat(sizes).containsExactly(2L, 2L, 1L).inOrder();
    sizes.clear();
    for (Sample b : DataLoader.of(d, LoaderOptions.batchSize(2).withDropLast(true))) {
      sizes.add(b.input().size(0));
    }
    assertThat(sizes).containsExactly(2L, 2L).inOrder();
  }

  @Test
  void differentNumbersOfExamples_readAsTheCheckersError() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(999)));
    // The same text as the checker's (processor-tests PipelineRejected).
    assertThat(e).hasMessageThat().isEqualTo("[shape.mismatch.dataset] TensorDataset.of: inputs"
        + " [1000, 784] and targets [999] have different numbers of examples (dim 0: 1000 and"
        + " 999); give one target per input");
  }

  @Test
  void zeroDimensionalTensors_areRejected() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> TensorDataset.of(Torch.randn(10, 784), Torch.zeros()));
    assertThat(e).hasMessageThat().isEqualTo("[shape.mismatch.dataset] TensorDataset.of: targets"
        + " is 0-d ([]); each tensor needs a first dimension of examples");
    ShapeException f = assertThrows(ShapeException.class,
        () -> TensorDataset.of(Torch.zeros(), Torch.zeros(3)));
    assertThat(f).hasMessageThat().contains("inputs is 0-d");
  }

  @Test
  void nullTensors_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> TensorDataset.of(null, Torch.zeros(3)));
    assertThrows(IllegalArgumentException.class, () -> TensorDataset.of(Torch.zeros(3), null));
  }

  @Test
  void outOfRangeIndex_isRejected() {
    assertThrows(IndexOutOfBoundsException.class, () -> rows().get(5));
    assertThrows(IndexOutOfBoundsException.class, () -> rows().getBatch(new int[] {0, -1}));
  }

  @Test
  void toString_namesItsShapes() {
    assertThat(rows().toString())
        .isEqualTo("SampleDataset(5 examples, inputs [5, 2], targets [5])");
  }
}

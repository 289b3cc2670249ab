package dev.shapetorch.optim.swa;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.data.Sample;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.optim.Golden;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SwaUtils.updateBn equals PyTorch 1.13's swa_utils.update_bn (update_bn.txt, optim_golden.py). */
class UpdateBnTest {

  private static final Golden GOLDEN = Golden.read("update_bn.txt");

  private static Sequential model() {
    BatchNorm1d bn = new BatchNorm1d(4);
    bn.setMomentum(0.3);
    Sequential m = new Sequential(new Linear(3, 4), bn, new Linear(4, 2));
    Map<String, Tensor> state = new LinkedHashMap<>();
    for (String key : m.stateDict().keySet()) {
      state.put(key, GOLDEN.tensor("model." + key));
    }
    m.loadStateDict(state);
    return m;
  }

  private static List<Tensor> batches() {
    List<Tensor> out = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      out.add(GOLDEN.tensor("batch" + k));
    }
    return out;
  }

  private static void assertState(Sequential m, String prefix) {
    for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
      float[] expected = GOLDEN.values(prefix + e.getKey());
      float[] actual = e.getValue().to(DType.FLOAT32).toFloatArray();
      assertThat(actual.length).isEqualTo(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertWithMessage("%s[%s]", e.getKey(), i).that(actual[i]).isWithin(1e-5f).of(expected[i]);
      }
    }
  }

  @Test
  void listBatches_giveTheCumulativeStatisticsOfPyTorch_andRestoreMomentumAndMode() {
    Sequential m = model();
    m.eval();
    List<List<Tensor>> loader = new ArrayList<>();
    for (Tensor b : batches()) {
      loader.add(List.of(b, Torch.zeros(5)));
    }
    SwaUtils.updateBn(loader, m);
    assertState(m, "after.");
    BatchNorm1d bn = (BatchNorm1d) m.get(1);
    assertThat(bn.spec().momentum()).isEqualTo(0.3);
    assertThat(m.isTraining()).isFalse();
    assertThat(bn.isTraining()).isFalse();
  }

  @Test
  void tensorAndSampleBatches_andAnAveragedModel_giveTheSameStatistics() {
    Sequential byTensor = model();
    SwaUtils.updateBn(batches(), byTensor);
    assertState(byTensor, "after.");
    assertThat(byTensor.isTraining()).isTrue();

    List<Sample> samples = new ArrayList<>();
    for (Tensor b : batches()) {
      samples.add(new Sample(b, Torch.zeros(5)));
    }
    Sequential model = model();
    AveragedModel<Sequential> swa = new AveragedModel<>(model, UpdateBnTest::model);
    swa.updateParameters(model);
    SwaUtils.updateBn(samples, swa);
    assertState(swa.module(), "after.");
  }

  @Test
  void aModelWithoutBatchNorm_isLeftAlone_andTheLoaderNotIterated() {
    Sequential m = new Sequential(new Linear(3, 2));
    Iterable<Object> loader = () -> {
      throw new AssertionError("iterated");
    };
    SwaUtils.updateBn(loader, m);
    assertThat(m.isTraining()).isTrue();
  }

  @Test
  void aBatchOfAnotherKind_isNamed_andMomentumAndModeAreRestored() {
    Sequential m = model();
    m.eval();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SwaUtils.updateBn(List.of(GOLDEN.tensor("batch0"), "text"), m));
    assertThat(e).hasMessageThat().isEqualTo("SwaUtils.updateBn: batch 1 of the loader is a"
        + " java.lang.String; give batches that are tensors, Samples or lists whose first element"
        + " is the input");
    assertThat(((BatchNorm1d) m.get(1)).spec().momentum()).isEqualTo(0.3);
    assertThat(m.isTraining()).isFalse();
  }

  @Test
  void setMomentum_checksTheValue_andResetRunningStats_restoresTheDefaults() {
    BatchNorm1d bn = new BatchNorm1d(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bn.setMomentum(1.5));
    assertThat(e).hasMessageThat().isEqualTo("BatchNorm1d.setMomentum: momentum must be in [0, 1],"
        + " or null for a cumulative moving average, got 1.5");
    assertThat(e).hasMessageThat().startsWith("BatchNorm1d");
    bn.forward(Torch.randn(4, 3));
    assertThat(bn.numBatchesTracked().get().itemLong()).isEqualTo(1);
    bn.resetRunningStats();
    assertThat(bn.runningMean().get().toFloatArray()).isEqualTo(new float[] {0, 0, 0});
    assertThat(bn.runningVar().get().toFloatArray()).isEqualTo(new float[] {1, 1, 1});
    assertThat(bn.numBatchesTracked().get().itemLong()).isEqualTo(0);
  }
}

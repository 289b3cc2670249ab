package dev.shapetorch.optim.swa;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.Parameter;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AveragedModel's averages equal PyTorch 1.13's (swa.txt from optim_golden.py). */
class AveragedModelTest {

  private static final Golden GOLDEN = Golden.read("swa.txt");

  /** Sequential(Linear(3, 4), BatchNorm1d(4), Linear(4, 2)) as the golden file's model. */
  private static Sequential model() {
    Sequential m = new Sequential(new Linear(3, 4), new BatchNorm1d(4), new Linear(4, 2));
    Map<String, Tensor> state = new LinkedHashMap<>();
    for (String key : m.stateDict().keySet()) {
      state.put(key, GOLDEN.tensor("model." + key));
    }
    m.loadStateDict(state);
    return m;
  }

  private static AveragedModel<Sequential> averaged(String name, Sequential model) {
    switch (name) {
      case "equal":
        return new AveragedModel<>(model, AveragedModelTest::model);
      case "ema":
        return new AveragedModel<>(model, AveragedModelTest::model, AveragedModel.ema(0.9),
            false);
      case "equal_buffers":
        return new AveragedModel<>(model, AveragedModelTest::model,
            AveragedModel.equalAverage(), true);
      case "ema_buffers":
        return new AveragedModel<>(model, AveragedModelTest::model, AveragedModel.ema(0.8),
            true);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"equal", "ema", "equal_buffers", "ema_buffers"})
  void threeUpdates_matchPyTorch(String name) {
    Sequential model = model();
    AveragedModel<Sequential> swa = averaged(name, model);
    Tensor x = GOLDEN.tensor("x");
    for (int k = 1; k <= 3; k++) {
      model.train();
      model.forward(x);
      try (var ng = Torch.noGrad()) {
        for (Parameter p : model.parameters()) {
          p.get().mul_(0.9).add_(0.1 * k);
        }
      }
      swa.updateParameters(model);
      Map<String, Tensor> state = swa.stateDict();
      List<String> expectedKeys = new ArrayList<>();
      String prefix = name + ".update" + k + ".";
      for (String[] row : GOLDEN.rows()) {
        if (row[0].startsWith(prefix)) {
          expectedKeys.add(row[0].substring(prefix.length()));
        }
      }
      assertThat(state.keySet()).containsExactlyElementsIn(expectedKeys).inOrder();
      for (String key : expectedKeys) {
        float[] expected = GOLDEN.values(prefix + key);
        float[] actual = state.get(key).to(DType.FLOAT32).toFloatArray();
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
          assertWithMessage("%s after update %s: %s[%s]", name, k, key, i)
              .that(actual[i]).isWithin(1e-6f).of(expected[i]);
        }
      }
      assertThat(swa.nAveraged()).isEqualTo(k);
    }
  }

  @Test
  void forward_isTheAveragedCopysForward_notTheModels() {
    Sequential model = model();
    AveragedModel<Sequential> swa = new AveragedModel<>(model, AveragedModelTest::model);
    swa.updateParameters(model);
    try (var ng = Torch.noGrad()) {
      model.parameters().get(0).get().add_(1.0);
    }
    swa.eval();
    model.eval();
    Tensor x = GOLDEN.tensor("x");
    assertThat(swa.forward(x).toFloatArray()).isEqualTo(swa.module().forward(x).toFloatArray());
    assertThat(swa.forward(x).toFloatArray()).isNotEqualTo(model.forward(x).toFloatArray());
    assertThat(swa.module().parameters().get(0)).isNotSameInstanceAs(model.parameters().get(0));
  }

  @Test
  void aCopyThatIsTheModel_orOfAnotherStructure_isRefused() {
    Sequential model = model();
    IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
        () -> new AveragedModel<>(model, () -> model));
    assertThat(same).hasMessageThat().startsWith("AveragedModel: copy must build a new module");
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> new AveragedModel<>(model, () -> new Sequential(new Linear(3, 4))));
    assertThat(other).hasMessageThat().startsWith("AveragedModel: the copy's structure differs");
    IllegalArgumentException decay = assertThrows(IllegalArgumentException.class,
        () -> AveragedModel.ema(1.5));
    assertThat(decay).hasMessageThat()
        .isEqualTo("AveragedModel.ema: decay must be between 0 and 1, got 1.5");
  }

  @Test
  void updateParameters_withAModelOfAnotherStructure_saysSo() {
    Sequential model = model();
    AveragedModel<Sequential> swa = new AveragedModel<>(model, AveragedModelTest::model);
    Sequential smaller = new Sequential(new Linear(3, 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> swa.updateParameters(smaller));
    assertThat(e).hasMessageThat().isEqualTo("AveragedModel.updateParameters: the model has 2"
        + " parameters, the averaged copy 6; pass a model of the averaged architecture");
    assertThat(swa.nAveraged()).isEqualTo(0);
  }
}

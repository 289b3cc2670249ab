package dev.shapetorch.serialize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.optim.Golden;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TorchException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TorchScript modules scripted and saved by PyTorch 1.13 load and run. */
class ScriptModuleTest {

  @TempDir Path dir;

  private static Path fixture(String name) {
    try {
      return Path.of(ScriptModuleTest.class.getResource("/golden/serialize/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static float[] expected(String name) {
    return Golden.readFrom("/golden/serialize/outputs.txt").values(name);
  }

  @Test
  void aScriptedMlp_computesWhatPyTorchComputed() {
    try (ScriptModule mlp = ScriptModule.load(fixture("mlp.pt"))) {
      mlp.eval();
      Tensor x = Golden.readFrom("/golden/serialize/outputs.txt").tensor("x");
      Tensor out = Shapes.require(mlp.forward(x), "B", 2);
      assertThat(out.shape()).isEqualTo(new long[] {2, 2});
      float[] want = expected("mlp");
      float[] got = out.toFloatArray();
      for (int i = 0; i < want.length; i++) {
        assertThat((double) got[i]).isWithin(1e-6).of(want[i]);
      }
      assertThrows(ShapeException.class, () -> Shapes.require(mlp.forward(x), "B", 3));
    }
  }

  @Test
  void parameters_haveTheirPythonNames() {
    try (ScriptModule mlp = ScriptModule.load(fixture("mlp.pt"))) {
      assertThat(mlp.namedParameters().keySet())
          .containsExactly("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias").inOrder();
      assertThat(mlp.namedParameters().get("fc1.weight").toFloatArray())
          .isEqualTo(expected("param.fc1.weight"));
      mlp.train(false);
      assertThat(mlp.isTraining()).isFalse();
    }
  }

  @Test
  void aTupleResult_comesBackAsAList() {
    try (ScriptModule pair = ScriptModule.load(fixture("pair.pt"))) {
      Tensor x = Golden.readFrom("/golden/serialize/outputs.txt").tensor("x");
      List<Tensor> out = pair.forwardTensors(x);
      assertThat(out).hasSize(2);
      assertThat(out.get(0).toFloatArray()).isEqualTo(expected("pair.0"));
      assertThat(out.get(1).toFloatArray()).isEqualTo(expected("pair.1"));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> pair.forward(x));
      assertThat(e).hasMessageThat().contains("returned Tuple, not a tensor; use forwardTensors");
    }
  }

  @Test
  void aWrongInput_isATorchException() {
    try (ScriptModule mlp = ScriptModule.load(fixture("mlp.pt"))) {
      Tensor wrong = dev.shapetorch.tensor.Torch.zeros(2, 5);
      TorchException e = assertThrows(TorchException.class, () -> mlp.forward(wrong));
      assertThat(e).hasMessageThat().startsWith("ScriptModule.forward: ");
    }
  }

  @Test
  void missingAndCorruptFiles_areReported() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(dir.resolve("no.pt")));
    Path bad = dir.resolve("bad.pt");
    Files.writeString(bad, "garbage");
    TorchException e = assertThrows(TorchException.class, () -> ScriptModule.load(bad));
    assertThat(e).hasMessageThat().contains("a TorchScript file saved with torch.jit.save?");
  }
}

package dev.shapetorch.serialize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Module and optimizer state dicts through safetensors files and libtorch archives. */
class CheckpointsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"m.safetensors", "m.pt"})
  void aModulesState_roundTrips(String name) {
    Path f = dir.resolve(name);
    Linear saved = new Linear(4, 3);
    Checkpoints.save(saved, f);
    Linear loaded = new Linear(4, 3);
    Checkpoints.load(loaded, f);
    assertThat(loaded.stateDict().keySet()).containsExactly("weight", "bias").inOrder();
    for (String k : saved.stateDict().keySet()) {
      assertThat(loaded.stateDict().get(k).toFloatArray())
          .isEqualTo(saved.stateDict().get(k).toFloatArray());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"m.safetensors", "m.pt"})
  void aWrongShape_namesTheParameterAndBothShapes(String name) {
    Path f = dir.resolve(name);
    Checkpoints.save(new Linear(4, 3), f);
    Linear other = new Linear(5, 3);
    float[] before = other.stateDict().get("weight").toFloatArray();
    ShapeException e = assertThrows(ShapeException.class, () -> Checkpoints.load(other, f));
    assertThat(e).hasMessageThat().startsWith("[shape.mismatch.state_dict]");
    assertThat(e).hasMessageThat().contains("weight");
    assertThat(e).hasMessageThat().contains("[3, 4]");
    assertThat(e).hasMessageThat().contains("[3, 5]");
    assertThat(other.stateDict().get("weight").toFloatArray()).isEqualTo(before);
  }

  @Test
  void anOptimizersState_roundTripsThroughAnArchive() {
    Linear model = new Linear(2, 2);
    Adam adam = new Adam(model.parameters(), AdamOptions.lr(0.1).withAmsgrad(true));
    model.forward(Torch.ones(3, 2)).sum().backward();
    adam.step();
    Path f = dir.resolve("adam.pt");
    Checkpoints.save(adam.stateDict(), f);
    Adam restored = new Adam(model.parameters(), AdamOptions.lr(0.5));
    restored.loadStateDict(Checkpoints.read(f));
    assertThat(restored.options(0)).isEqualTo(AdamOptions.lr(0.1).withAmsgrad(true));
    Tensor expAvg = adam.state(model.parameters().get(0)).expAvg();
    assertThat(restored.state(model.parameters().get(0)).expAvg().toFloatArray())
        .isEqualTo(expAvg.toFloatArray());
    assertThat(restored.state(model.parameters().get(0)).step()).isEqualTo(1);
  }

  @Test
  void aMissingCheckpoint_isNamed() {
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> Checkpoints.load(new Linear(1, 1), dir.resolve("none.pt")));
    assertThat(e).hasMessageThat().isEqualTo("no checkpoint at " + dir.resolve("none.pt"));
  }

  @Test
  void aCorruptArchive_isATorchExceptionNamingTheFile() throws IOException {
    Path f = dir.resolve("bad.pt");
    Files.writeString(f, "not an archive");
    TorchException e = assertThrows(TorchException.class, () -> Checkpoints.read(f));
    assertThat(e).hasMessageThat().startsWith("Checkpoints.read: Archives.load: ");
    assertThat(e).hasMessageThat().contains("(is " + f + " a libtorch archive?)");
  }

  @Test
  void archivesKeepDtypesAndOrder() {
    Path f = dir.resolve("a.pt");
    Map<String, Tensor> in = new java.util.LinkedHashMap<>();
    in.put("z.long", Torch.tensor(3L, 4L));
    in.put("a.float", Torch.fromArray(new float[] {1, 2, 3, 4}, 2, 2));
    Checkpoints.save(in, f);
    Map<String, Tensor> out = Checkpoints.read(f);
    assertThat(out.get("z.long").toLongArray()).isEqualTo(new long[] {3, 4});
    assertThat(out.get("a.float").shape()).isEqualTo(new long[] {2, 2});
  }
}

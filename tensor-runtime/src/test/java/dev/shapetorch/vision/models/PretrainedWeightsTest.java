package dev.shapetorch.vision.models;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.shapetorch.nn.Module;
import dev.shapetorch.serialize.Checkpoints;
import dev.shapetorch.serialize.SafeTensors;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pretrained weights in torchvision's layout: a safetensors file whose keys and shapes are
 * torchvision 0.14's (from golden/vision/models_state.json, not from the Java model) loads with
 * {@link Checkpoints#load} into the Java builder, every tensor in its place; a file with a key or
 * a shape that differs is refused with a message naming it, and the model keeps its weights.
 */
class PretrainedWeightsTest {

  @TempDir Path dir;

  /** torchvision's state dict for {@code builder}, filled with {@link DeterministicWeights}. */
  private static Map<String, Tensor> torchvisionLayout(String builder) throws IOException {
    for (JsonObject m : VisionModelsGoldenTest.states()) {
      if (m.get("builder").getAsString().equals(builder)) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (JsonElement e : m.getAsJsonArray("keys")) {
          JsonArray kv = e.getAsJsonArray();
          String key = kv.get(0).getAsString();
          JsonArray dims = kv.get(1).getAsJsonArray();
          long[] shape = new long[dims.size()];
          for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).getAsLong();
          }
          state.put(key, key.endsWith("num_batches_tracked")
              ? Torch.zeros(shape, DType.INT64)
              : DeterministicWeights.values(key, shape).to(DType.FLOAT32));
        }
        return state;
      }
    }
    throw new AssertionError("no golden state for " + builder);
  }

  @Test
  void aTorchvisionLayoutFile_loadsEveryTensorIntoItsPlace() throws IOException {
    try (TensorScope scope = TensorScope.open()) {
      Map<String, Tensor> file = torchvisionLayout("squeezenet1_1");
      Path path = dir.resolve("squeezenet1_1.safetensors");
      SafeTensors.save(file, path);
      SqueezeNet model = SqueezeNet.squeezenet1_1();
      Checkpoints.load(model, path);
      Map<String, Tensor> loaded = model.stateDict();
      assertThat(loaded.keySet()).containsExactlyElementsIn(file.keySet()).inOrder();
      for (Map.Entry<String, Tensor> e : file.entrySet()) {
        assertWithMessage(e.getKey()).that(loaded.get(e.getKey()).equal(e.getValue())).isTrue();
      }
      SqueezeNet filled = SqueezeNet.squeezenet1_1();
      DeterministicWeights.fill(filled);
      model.eval();
      filled.eval();
      Tensor x = Torch.arange(0.0, 3 * 32 * 32, 1.0, DType.FLOAT64).mul(0.01).sin()
          .to(DType.FLOAT32).reshape(1, 3, 32, 32);
      assertThat(model.forward(x).toFloatArray()).isEqualTo(filled.forward(x).toFloatArray());
    }
  }

  @Test
  void aRenamedKey_isRefusedNamingBothKeys_andTheModelKeepsItsWeights() throws IOException {
    try (TensorScope scope = TensorScope.open()) {
      Map<String, Tensor> file = new LinkedHashMap<>();
      torchvisionLayout("squeezenet1_1").forEach(
          (k, v) -> file.put(k.equals("classifier.1.weight") ? "classifier.weight" : k, v));
      Path path = dir.resolve("renamed.safetensors");
      SafeTensors.save(file, path);
      SqueezeNet model = SqueezeNet.squeezenet1_1();
      float[] before = model.stateDict().get("features.0.weight").toFloatArray();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Checkpoints.load(model, path));
      assertThat(e).hasMessageThat().contains("missing keys [classifier.1.weight]");
      assertThat(e).hasMessageThat().contains("unexpected keys [classifier.weight]");
      assertThat(model.stateDict().get("features.0.weight").toFloatArray()).isEqualTo(before);
    }
  }

  @Test
  void aShapeThatDiffers_isRefusedNamingTheKeyAndBothShapes_andTheModelKeepsItsWeights()
      throws IOException {
    try (TensorScope scope = TensorScope.open()) {
      Map<String, Tensor> file = torchvisionLayout("squeezenet1_1");
      // torchvision's 1000-class head into a 10-class model
      Path path = dir.resolve("head.safetensors");
      SafeTensors.save(file, path);
      Module model = SqueezeNet.squeezenet1_1(10);
      float[] before = model.stateDict().get("features.0.weight").toFloatArray();
      ShapeException e = assertThrows(ShapeException.class, () -> Checkpoints.load(model, path));
      assertThat(e).hasMessageThat().contains("classifier.1.weight");
      assertThat(e).hasMessageThat().contains("[10, 512, 1, 1]");
      assertThat(e).hasMessageThat().contains("[1000, 512, 1, 1]");
      assertThat(model.stateDict().get("features.0.weight").toFloatArray()).isEqualTo(before);
    }
  }
}

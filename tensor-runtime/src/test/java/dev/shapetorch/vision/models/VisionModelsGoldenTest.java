package dev.shapetorch.vision.models;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every builder against torchvision 0.14: the state dict's keys in order with their shapes and
 * the parameter count (golden/vision/models_state.json), and for a few builders the logits of a
 * fixed input with {@link DeterministicWeights} (golden/vision/models_forward.json); both written
 * by src/test/python/vision_models_golden.py. Each model is freed after its check: the largest
 * hold over 140 million parameters.
 */
class VisionModelsGoldenTest {

  /** The no-argument builders (PyTorch's 1000 classes), by torchvision's name. */
  private static final Map<String, Supplier<Module>> DEFAULTS = Map.ofEntries(
      Map.entry("resnet18", ResNet::resnet18),
      Map.entry("resnet34", ResNet::resnet34),
      Map.entry("resnet50", ResNet::resnet50),
      Map.entry("resnet101", ResNet::resnet101),
      Map.entry("resnet152", ResNet::resnet152),
      Map.entry("wide_resnet50_2", ResNet::wide_resnet50_2),
      Map.entry("wide_resnet101_2", ResNet::wide_resnet101_2),
      Map.entry("resnext50_32x4d", ResNet::resnext50_32x4d),
      Map.entry("resnext101_32x8d", ResNet::resnext101_32x8d),
      Map.entry("resnext101_64x4d", ResNet::resnext101_64x4d),
      Map.entry("vgg11", VGG::vgg11),
      Map.entry("vgg11_bn", VGG::vgg11_bn),
      Map.entry("vgg13", VGG::vgg13),
      Map.entry("vgg13_bn", VGG::vgg13_bn),
      Map.entry("vgg16", VGG::vgg16),
      Map.entry("vgg16_bn", VGG::vgg16_bn),
      Map.entry("vgg19", VGG::vgg19),
      Map.entry("vgg19_bn", VGG::vgg19_bn),
      Map.entry("alexnet", AlexNet::alexnet),
      Map.entry("squeezenet1_0", SqueezeNet::squeezenet1_0),
      Map.entry("squeezenet1_1", SqueezeNet::squeezenet1_1),
      Map.entry("densenet121", DenseNet::densenet121),
      Map.entry("densenet161", DenseNet::densenet161),
      Map.entry("densenet169", DenseNet::densenet169),
      Map.entry("densenet201", DenseNet::densenet201));

  /** The builders with a number of classes, for the forward cases. */
  private static final Map<String, IntFunction<Module>> WITH_CLASSES = Map.of(
      "resnet50", ResNet::resnet50,
      "resnext50_32x4d", ResNet::resnext50_32x4d,
      "squeezenet1_0", SqueezeNet::squeezenet1_0,
      "squeezenet1_1", SqueezeNet::squeezenet1_1,
      "densenet121", DenseNet::densenet121);

  private static JsonObject read(String name) throws IOException {
    String path = "/golden/vision/" + name;
    try (InputStream in = VisionModelsGoldenTest.class.getResourceAsStream(path)) {
      assertNotNull(in, "missing fixture " + path);
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  private static List<JsonObject> list(String file, String key) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : read(file).getAsJsonArray(key)) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  static List<JsonObject> states() throws IOException {
    return list("models_state.json", "models");
  }

  static List<JsonObject> forwards() throws IOException {
    return list("models_forward.json", "cases");
  }

  private static long[] longs(JsonArray a) {
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsLong();
    }
    return out;
  }

  /**
   * Frees the model's parameters and buffers now rather than at the next garbage collection (the
   * scope each test opens frees the temporaries, such as the state dict's views, that would keep
   * their storage alive).
   */
  private static void free(Module m) {
    for (Parameter p : m.parameters()) {
      p.get().close();
    }
    for (Buffer b : m.buffers()) {
      b.get().close();
    }
  }

  @Test
  void everyGoldenBuilderHasAJavaBuilder_andViceVersa() throws IOException {
    List<String> golden = new ArrayList<>();
    for (JsonObject m : states()) {
      golden.add(m.get("builder").getAsString());
    }
    assertThat(golden).containsExactlyElementsIn(DEFAULTS.keySet());
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("states")
  void stateDict_keysShapesAndParameterCount_matchTorchvision(JsonObject golden) {
    String builder = golden.get("builder").getAsString();
    try (TensorScope scope = TensorScope.open()) {
      Module model = DEFAULTS.get(builder).get();
      try {
        check(builder, model, golden);
      } finally {
        free(model);
      }
    }
  }

  private static void check(String builder, Module model, JsonObject golden) {
    Map<String, Tensor> state = model.stateDict();
    List<String> expectedKeys = new ArrayList<>();
    for (JsonElement e : golden.getAsJsonArray("keys")) {
      JsonArray kv = e.getAsJsonArray();
      String key = kv.get(0).getAsString();
      expectedKeys.add(key);
      Tensor t = state.get(key);
      assertWithMessage("%s: %s", builder, key).that(t).isNotNull();
      assertWithMessage("%s: shape of %s", builder, key).that(t.shape())
          .isEqualTo(longs(kv.get(1).getAsJsonArray()));
    }
    assertWithMessage("%s: state dict keys", builder).that(List.copyOf(state.keySet()))
        .containsExactlyElementsIn(expectedKeys).inOrder();
    long count = 0;
    for (Parameter p : model.parameters()) {
      count += p.get().numel();
    }
    assertWithMessage("%s: parameters", builder).that(count)
        .isEqualTo(golden.get("parameters").getAsLong());
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("forwards")
  void forward_withDeterministicWeights_matchesTorchvision(JsonObject golden) {
    String builder = golden.get("builder").getAsString();
    try (TensorScope scope = TensorScope.open(); NoGradScope ng = Torch.noGrad()) {
      Module model = WITH_CLASSES.get(builder).apply(golden.get("classes").getAsInt());
      DeterministicWeights.fill(model);
      model.eval();
      long[] shape = longs(golden.getAsJsonArray("input_shape"));
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      Tensor x = Torch.arange(0.0, (double) n, 1.0, DType.FLOAT64).mul(0.01).sin()
          .to(DType.FLOAT32).reshape(shape);
      Tensor y = ((UnaryModule) model).forward(x);
      assertWithMessage(builder).that(y.shape())
          .isEqualTo(longs(golden.getAsJsonArray("output_shape")));
      JsonArray expected = golden.getAsJsonArray("output");
      double[] actual = y.to(DType.FLOAT64).flatten(0, -1).toDoubleArray();
      double scale = 0;
      for (JsonElement e : expected) {
        scale = Math.max(scale, Math.abs(e.getAsDouble()));
      }
      // float32 through dozens of layers: agree to 1e-4 of the largest logit
      for (int i = 0; i < actual.length; i++) {
        assertWithMessage("%s: logit %s", builder, i).that(actual[i])
            .isWithin(1e-4 * Math.max(1, scale)).of(expected.get(i).getAsDouble());
      }
      free(model);
    }
  }
}

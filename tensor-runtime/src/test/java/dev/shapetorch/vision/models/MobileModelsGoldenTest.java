package dev.shapetorch.vision.models;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MobileNetV2/V3, EfficientNet and the Vision Transformer against torchvision 0.14 ({@code
 * vision_models_mobile_golden.py}, {@code golden/vision/models_mobile.json}): every builder's
 * state dict keys in order, their shapes and its parameter count (not ViT-L and ViT-H, too big
 * to build here); logits of four models filled by
 * {@link DeterministicWeights}.
 */
class MobileModelsGoldenTest {

  private static JsonObject golden;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = MobileModelsGoldenTest.class.getResourceAsStream(
        "/golden/vision/models_mobile.json")) {
      assertNotNull(in, "missing fixture golden/vision/models_mobile.json");
      golden = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  private static long count(Module m) {
    long n = 0;
    for (Parameter p : m.parameters()) {
      n += p.get().numel();
    }
    return n;
  }

  /** Keys in order, shapes and parameter count of {@code net} equal torchvision's {@code name}. */
  private static void assertBuilt(String name, Supplier<Module> builder) {
    try (TensorScope scope = TensorScope.open()) {
      assertMatches(name, builder.get());
    }
  }

  private static void assertMatches(String name, Module net) {
    JsonObject g = golden.getAsJsonObject("models").getAsJsonObject(name);
    Map<String, List<Long>> expected = new LinkedHashMap<>();
    for (JsonElement e : g.getAsJsonArray("state")) {
      JsonArray pair = e.getAsJsonArray();
      List<Long> shape = new ArrayList<>();
      pair.get(1).getAsJsonArray().forEach(d -> shape.add(d.getAsLong()));
      expected.put(pair.get(0).getAsString(), shape);
    }
    Map<String, List<Long>> actual = new LinkedHashMap<>();
    net.stateDict().forEach((k, t) -> actual.put(k,
        Arrays.stream(t.shape()).boxed().toList()));
    assertThat(actual.keySet()).containsExactlyElementsIn(expected.keySet()).inOrder();
    assertThat(actual).containsExactlyEntriesIn(expected);
    assertThat(count(net)).isEqualTo(g.get("parameters").getAsLong());
  }


  @Test
  void mobilenets_haveTorchvisionsStateAndCounts() {
    assertBuilt("mobilenet_v2", () -> MobileNetV2.mobilenet_v2());
    assertBuilt("mobilenet_v3_large", () -> MobileNetV3.mobilenet_v3_large());
    assertBuilt("mobilenet_v3_small", () -> MobileNetV3.mobilenet_v3_small());
  }

  @Test
  void efficientnets_haveTorchvisionsStateAndCounts() {
    assertBuilt("efficientnet_b0", () -> EfficientNet.efficientnet_b0());
    assertBuilt("efficientnet_b1", () -> EfficientNet.efficientnet_b1());
    assertBuilt("efficientnet_b2", () -> EfficientNet.efficientnet_b2());
    assertBuilt("efficientnet_b3", () -> EfficientNet.efficientnet_b3());
    assertBuilt("efficientnet_b4", () -> EfficientNet.efficientnet_b4());
    assertBuilt("efficientnet_b5", () -> EfficientNet.efficientnet_b5());
    assertBuilt("efficientnet_b6", () -> EfficientNet.efficientnet_b6());
    assertBuilt("efficientnet_b7", () -> EfficientNet.efficientnet_b7());
  }

  @Test
  void visionTransformers_haveTorchvisionsStateAndCounts() {
    assertBuilt("vit_b_16", () -> VisionTransformer.vit_b_16());
    assertBuilt("vit_b_32", () -> VisionTransformer.vit_b_32());
    // vit_l_16, vit_l_32 and vit_h_14 (304 to 632 million parameters) are the same code with
    // other numbers; building them here took the test JVM past this machine's memory.
  }

  /** x[i] = sin(0.01 i) in float64, then float32, as the golden script. */
  private static Tensor input(long[] shape) {
    long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    return Torch.arange(0.0, (double) n, 1.0, DType.FLOAT64).mul(0.01).sin().to(DType.FLOAT32)
        .reshape(shape);
  }

  private static void assertLogits(String name, UnaryModule net) {
    JsonObject c = null;
    for (JsonElement e : golden.getAsJsonArray("forward")) {
      if (e.getAsJsonObject().get("model").getAsString().equals(name)) {
        c = e.getAsJsonObject();
      }
    }
    assertNotNull(c, name);
    long[] shape = new long[4];
    for (int i = 0; i < 4; i++) {
      shape[i] = c.getAsJsonArray("input").get(i).getAsLong();
    }
    JsonArray want = c.getAsJsonArray("logits");
    double[] expected = new double[want.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = want.get(i).getAsDouble();
    }
    DeterministicWeights.fill(net);
    net.eval();
    try (NoGradScope ng = Torch.noGrad()) {
      Tensor out = net.forward(input(shape));
      assertThat(out.shape()).isEqualTo(new long[] {shape[0], 10});
      double scale = Arrays.stream(expected).map(Math::abs).max().orElse(1.0);
      double[] actual = out.to(DType.FLOAT64).toDoubleArray();
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).isWithin(1e-4 * Math.max(1.0, scale)).of(expected[i]);
      }
    }
  }

  @Test
  void mobilenet_v2_logitsMatchTorchvision() {
    assertLogits("mobilenet_v2", MobileNetV2.mobilenet_v2(10));
  }

  @Test
  void mobilenet_v3_small_logitsMatchTorchvision() {
    assertLogits("mobilenet_v3_small", MobileNetV3.mobilenet_v3_small(10));
  }

  @Test
  void efficientnet_b0_logitsMatchTorchvision() {
    assertLogits("efficientnet_b0", EfficientNet.efficientnet_b0(10));
  }

  @Test
  void vit_b_16_logitsMatchTorchvision() {
    assertLogits("vit_b_16", VisionTransformer.vit_b_16(10));
  }

  @Test
  void stochasticDepth_isIdentityInEval_andDropsWholeRowsInTraining() {
    StochasticDepth sd = new StochasticDepth(0.5, "row");
    Tensor x = Torch.ones(64, 3, 2, 2);
    sd.train();
    double[] y = sd.forward(x).toDoubleArray();
    int kept = 0;
    for (int r = 0; r < 64; r++) {
      double first = y[r * 12];
      assertThat(first == 0.0 || first == 2.0).isTrue();
      for (int i = 1; i < 12; i++) {
        assertThat(y[r * 12 + i]).isEqualTo(first);
      }
      kept += first == 2.0 ? 1 : 0;
    }
    assertThat(kept).isGreaterThan(0);
    assertThat(kept).isLessThan(64);
    sd.eval();
    assertThat(sd.forward(x)).isSameInstanceAs(x);
    assertThat(sd.toString()).isEqualTo("StochasticDepth(p=0.5, mode=row)");
  }

  @Test
  void builders_rejectNonPositiveClasses_andViTRejectsOtherImageSizes() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> MobileNetV2.mobilenet_v2(0)).getMessage())
        .startsWith("MobileNetV2.mobilenet_v2: numClasses must be positive, got 0");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> EfficientNet.efficientnet_b3(-2)).getMessage())
        .startsWith("EfficientNet.efficientnet_b3: numClasses must be positive, got -2");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> VisionTransformer.vit_l_32(0)).getMessage())
        .startsWith("VisionTransformer.vit_l_32: numClasses must be positive");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new StochasticDepth(0.1, "col")).getMessage())
        .startsWith("StochasticDepth: mode must be \"row\" or \"batch\", got \"col\"");
    VisionTransformer vit = VisionTransformer.vit_b_32(3);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> vit.forward(Torch.zeros(1, 3, 64, 64))).getMessage())
        .startsWith("VisionTransformer.forward: expected images [B, 3, 224, 224], got "
            + "[1, 3, 64, 64]");
  }
}

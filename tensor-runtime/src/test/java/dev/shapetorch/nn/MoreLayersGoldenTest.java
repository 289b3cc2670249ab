package dev.shapetorch.nn;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.activation.Softmax2d;
import dev.shapetorch.nn.distance.CosineSimilarity;
import dev.shapetorch.nn.distance.PairwiseDistance;
import dev.shapetorch.nn.dropout.AlphaDropout;
import dev.shapetorch.nn.dropout.Dropout1d;
import dev.shapetorch.nn.dropout.Dropout2d;
import dev.shapetorch.nn.dropout.Dropout3d;
import dev.shapetorch.nn.dropout.FeatureAlphaDropout;
import dev.shapetorch.nn.linear.Unflatten;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CosineSimilarity, PairwiseDistance, Softmax2d and Unflatten against PyTorch 1.13 (fixture
 * {@code golden/nn/nn_more.json}, from {@code src/test/python/nn_more_golden.py}): repr, output
 * and the inputs' gradients; and the reprs of the channel and alpha dropouts.
 */
class MoreLayersGoldenTest {

  private static JsonObject root() throws IOException {
    try (InputStream in = MoreLayersGoldenTest.class.getResourceAsStream("/golden/nn/nn_more.json")) {
      assertNotNull(in, "missing fixture golden/nn/nn_more.json");
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  static List<JsonObject> cases() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : root().getAsJsonArray("cases")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  static List<JsonObject> reprs() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : root().getAsJsonArray("reprs")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  private static long[] longs(JsonArray a) {
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsLong();
    }
    return out;
  }

  private static double[] doubles(JsonArray a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsDouble();
    }
    return out;
  }

  /** Applies the layer of a case, built as a Java user writes it, to the inputs. */
  private static Module build(String name, JsonArray a) {
    return switch (name) {
      case "CosineSimilarity" -> a.isEmpty() ? new CosineSimilarity()
          : new CosineSimilarity(a.get(0).getAsInt(), a.get(1).getAsDouble());
      case "PairwiseDistance" -> a.isEmpty() ? new PairwiseDistance()
          : new PairwiseDistance(a.get(0).getAsDouble(), a.get(1).getAsDouble(),
              a.get(2).getAsBoolean());
      case "Softmax2d" -> new Softmax2d();
      case "Unflatten" -> {
        long[] all = longs(a);
        yield new Unflatten((int) all[0], java.util.Arrays.copyOfRange(all, 1, all.length));
      }
      case "Dropout1d" -> a.isEmpty() ? new Dropout1d() : new Dropout1d(a.get(0).getAsDouble());
      case "Dropout2d" -> a.isEmpty() ? new Dropout2d() : new Dropout2d(a.get(0).getAsDouble());
      case "Dropout3d" -> a.isEmpty() ? new Dropout3d() : new Dropout3d(a.get(0).getAsDouble());
      case "AlphaDropout" ->
          a.isEmpty() ? new AlphaDropout() : new AlphaDropout(a.get(0).getAsDouble());
      case "FeatureAlphaDropout" -> a.isEmpty() ? new FeatureAlphaDropout()
          : new FeatureAlphaDropout(a.get(0).getAsDouble());
      default -> throw new AssertionError("no layer " + name);
    };
  }

  private static Tensor apply(Module layer, List<Tensor> xs) {
    if (layer instanceof CosineSimilarity c) {
      return c.forward(xs.get(0), xs.get(1));
    }
    if (layer instanceof PairwiseDistance d) {
      return d.forward(xs.get(0), xs.get(1));
    }
    return ((UnaryModule) layer).forward(xs.get(0));
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void layer_printsComputesAndDifferentiatesAsPyTorch(JsonObject c) {
    Module layer = build(c.get("layer").getAsString(), c.getAsJsonArray("args"));
    String label = c.get("repr").getAsString() + " " + c.getAsJsonArray("args");
    assertEquals(c.get("repr").getAsString(), layer.toString());
    List<Tensor> xs = new ArrayList<>();
    JsonArray shapes = c.getAsJsonArray("input_shapes");
    JsonArray inputs = c.getAsJsonArray("inputs");
    for (int i = 0; i < shapes.size(); i++) {
      xs.add(Torch.fromArray(doubles(inputs.get(i).getAsJsonArray()),
          longs(shapes.get(i).getAsJsonArray())).requiresGrad_(true));
    }
    Tensor y = apply(layer, xs);
    assertArrayEquals(longs(c.getAsJsonArray("output_shape")), y.shape(), label);
    assertArrayEquals(doubles(c.getAsJsonArray("output")), y.toDoubleArray(), 1e-12, label);
    Tensor w = Torch.fromArray(doubles(c.getAsJsonArray("weight")), y.shape());
    y.mul(w).sum().backward();
    JsonArray grads = c.getAsJsonArray("grads");
    for (int i = 0; i < xs.size(); i++) {
      assertArrayEquals(doubles(grads.get(i).getAsJsonArray()), xs.get(i).grad().toDoubleArray(),
          1e-12, label + " grad " + i);
    }
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("reprs")
  void dropouts_printAsPyTorch(JsonObject c) {
    assertEquals(c.get("repr").getAsString(),
        build(c.get("layer").getAsString(), c.getAsJsonArray("args")).toString());
  }

  @Test
  void defaults_areThoseOfPyTorch() {
    assertEquals(1, new CosineSimilarity().dim());
    assertEquals(1e-8, new CosineSimilarity().eps());
    assertEquals(2.0, new PairwiseDistance().p());
    assertEquals(1e-6, new PairwiseDistance().eps());
    assertEquals(false, new PairwiseDistance().keepdim());
    assertEquals(0.5, new Dropout2d().p());
    assertEquals(0.5, new FeatureAlphaDropout().p());
    assertArrayEquals(new long[] {2, 5}, new Unflatten(1, 2, 5).sizes());
  }

  @Test
  void errors_nameTheLayerAndTheArguments() {
    var rank = assertThrows(IllegalArgumentException.class,
        () -> new Softmax2d().forward(Torch.zeros(2, 3)));
    assertThat(rank).hasMessageThat()
        .startsWith("Softmax2d.forward: input is [2, 3] (rank 2); it must be [N, C, H, W]");
    var empty = assertThrows(IllegalArgumentException.class, () -> new Unflatten(1));
    assertThat(empty).hasMessageThat().startsWith("Unflatten: sizes is empty");
    var negative = assertThrows(IllegalArgumentException.class, () -> new Unflatten(1, 2, -3));
    assertThat(negative).hasMessageThat().startsWith("Unflatten: size -3 in (2, -3)");
    var twice = assertThrows(IllegalArgumentException.class, () -> new Unflatten(1, -1, -1));
    assertThat(twice).hasMessageThat().startsWith("Unflatten: sizes (-1, -1) hold -1 more");
    // the product must be the dim's size: Tensor.unflatten's check, under the layer's name
    var product = assertThrows(RuntimeException.class,
        () -> new Unflatten(1, 3, 3).forward(Torch.zeros(2, 10)));
    assertThat(product).hasMessageThat().containsMatch("(?i)unflatten");
    var broadcast = assertThrows(RuntimeException.class,
        () -> new PairwiseDistance().forward(Torch.zeros(2, 3), Torch.zeros(2, 4)));
    assertThat(broadcast).hasMessageThat().containsMatch("(?i)pairwise");
  }
}

package dev.shapetorch.nn.padding;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The padding layers against PyTorch 1.13 (fixture {@code golden/nn/padding.json}, from {@code
 * src/test/python/padding_golden.py}): repr, output and input gradient of every layer, with one
 * pad for all sides and one per side, batched and unbatched.
 */
class PaddingGoldenTest {

  static List<JsonObject> cases() throws IOException {
    try (InputStream in = PaddingGoldenTest.class.getResourceAsStream("/golden/nn/padding.json")) {
      assertNotNull(in, "missing fixture golden/nn/padding.json");
      JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("cases")) {
        out.add(e.getAsJsonObject());
      }
      return out;
    }
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

  /** The layer of a case, built as a Java user writes it. */
  static UnaryModule layer(String name, long[] p, double v) {
    boolean one = p.length == 1;
    return switch (name) {
      case "ConstantPad1d" -> one ? new ConstantPad1d(p[0], v) : new ConstantPad1d(p[0], p[1], v);
      case "ConstantPad2d" ->
          one ? new ConstantPad2d(p[0], v) : new ConstantPad2d(p[0], p[1], p[2], p[3], v);
      case "ConstantPad3d" -> one ? new ConstantPad3d(p[0], v)
          : new ConstantPad3d(p[0], p[1], p[2], p[3], p[4], p[5], v);
      case "ZeroPad2d" -> one ? new ZeroPad2d(p[0]) : new ZeroPad2d(p[0], p[1], p[2], p[3]);
      case "ReflectionPad1d" -> one ? new ReflectionPad1d(p[0]) : new ReflectionPad1d(p[0], p[1]);
      case "ReflectionPad2d" ->
          one ? new ReflectionPad2d(p[0]) : new ReflectionPad2d(p[0], p[1], p[2], p[3]);
      case "ReflectionPad3d" -> one ? new ReflectionPad3d(p[0])
          : new ReflectionPad3d(p[0], p[1], p[2], p[3], p[4], p[5]);
      case "ReplicationPad1d" ->
          one ? new ReplicationPad1d(p[0]) : new ReplicationPad1d(p[0], p[1]);
      case "ReplicationPad2d" ->
          one ? new ReplicationPad2d(p[0]) : new ReplicationPad2d(p[0], p[1], p[2], p[3]);
      case "ReplicationPad3d" -> one ? new ReplicationPad3d(p[0])
          : new ReplicationPad3d(p[0], p[1], p[2], p[3], p[4], p[5]);
      default -> throw new AssertionError("no layer " + name);
    };
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void layer_printsComputesAndDifferentiatesAsPyTorch(JsonObject c) {
    String name = c.get("layer").getAsString();
    double value = c.get("value").isJsonNull() ? 0 : c.get("value").getAsDouble();
    UnaryModule layer = layer(name, longs(c.getAsJsonArray("pads")), value);
    String label = c.get("repr").getAsString();
    assertEquals(label, layer.toString());
    Tensor x = Torch.fromArray(doubles(c.getAsJsonArray("input")),
        longs(c.getAsJsonArray("input_shape"))).requiresGrad_(true);
    Tensor y = layer.forward(x);
    assertArrayEquals(longs(c.getAsJsonArray("output_shape")), y.shape(), label);
    assertArrayEquals(doubles(c.getAsJsonArray("output")), y.toDoubleArray(), 1e-12, label);
    Tensor w = Torch.fromArray(doubles(c.getAsJsonArray("weight")), y.shape());
    y.mul(w).sum().backward();
    assertArrayEquals(doubles(c.getAsJsonArray("grad")), x.grad().toDoubleArray(), 1e-12, label);
  }

  @Test
  void errors_nameTheLayerAndTheShapes() {
    var negative = assertThrows(IllegalArgumentException.class, () -> new ReflectionPad2d(-1));
    assertThat(negative).hasMessageThat().startsWith("ReflectionPad2d: padding -1 is negative");
    // PyTorch's ConstantPad crops with a negative pad; the layer's type holds sizes: refused.
    var crop = assertThrows(IllegalArgumentException.class,
        () -> new ConstantPad2d(1, 0, -1, 2, 0.0));
    assertThat(crop).hasMessageThat().contains("crop with a slice");
    var rank = assertThrows(IllegalArgumentException.class,
        () -> new ReflectionPad2d(1).forward(Torch.zeros(4)));
    assertThat(rank).hasMessageThat()
        .contains("ReflectionPad2d.forward: argument input is [4] (rank 1)");
    // Reflection needs a pad smaller than the dim it reflects, as in PyTorch.
    var tooWide = assertThrows(RuntimeException.class,
        () -> new ReflectionPad1d(3).forward(Torch.zeros(1, 2, 3)));
    assertThat(tooWide).hasMessageThat().contains("ReflectionPad1d");
    assertThat(new ConstantPad2d(1, 2, 3, 4, 0.5).pads()).isEqualTo(new long[] {1, 2, 3, 4});
    assertThat(new ConstantPad1d(2, 0.5).value()).isEqualTo(0.5);
  }
}

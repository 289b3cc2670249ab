package dev.shapetorch.nn.upsampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
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
 * Upsample, UpsamplingNearest2d, UpsamplingBilinear2d and the deprecated aliases F.upsample,
 * F.upsampleNearest, F.upsampleBilinear against PyTorch 1.13 (fixture {@code
 * golden/nn/upsampling.json}, from {@code src/test/python/upsampling_golden.py}): repr, output and
 * input gradient, by size and by scale factor, nearest and bilinear, corners aligned or not.
 */
class UpsamplingGoldenTest {

  static List<JsonObject> cases() throws IOException {
    try (InputStream in =
        UpsamplingGoldenTest.class.getResourceAsStream("/golden/nn/upsampling.json")) {
      assertNotNull(in, "missing fixture golden/nn/upsampling.json");
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

  private static UnaryModule layer(String name, long[] size, double scale,
      InterpolationMode mode, boolean align) {
    return switch (name) {
      case "Upsample" -> size != null ? new Upsample(size, mode, align)
          : new Upsample(scale, mode, align);
      case "UpsamplingNearest2d" -> size != null ? new UpsamplingNearest2d(size)
          : new UpsamplingNearest2d(scale);
      case "UpsamplingBilinear2d" -> size != null ? new UpsamplingBilinear2d(size)
          : new UpsamplingBilinear2d(scale);
      default -> throw new AssertionError("no layer " + name);
    };
  }

  private static Tensor alias(String name, Tensor x, long[] size, double scale,
      InterpolationMode mode, boolean align) {
    return switch (name) {
      case "UpsamplingNearest2d" -> size != null ? F.upsampleNearest(x, size)
          : F.upsampleNearest(x, scale);
      case "UpsamplingBilinear2d" -> size != null ? F.upsampleBilinear(x, size)
          : F.upsampleBilinear(x, scale);
      default -> size != null ? F.upsample(x, size, mode, align)
          : F.upsample(x, scale, mode, align);
    };
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void layer_printsComputesAndDifferentiatesAsPyTorch(JsonObject c) {
    String name = c.get("layer").getAsString();
    long[] size = c.get("size").isJsonNull() ? null : longs(c.getAsJsonArray("size"));
    double scale = c.get("scale_factor").isJsonNull() ? 0 : c.get("scale_factor").getAsDouble();
    InterpolationMode mode = c.get("mode").getAsString().equals("nearest")
        ? InterpolationMode.NEAREST : InterpolationMode.BILINEAR;
    boolean align = c.get("align_corners").getAsBoolean();
    UnaryModule layer = layer(name, size, scale, mode, align);
    String label = c.get("repr").getAsString();
    assertEquals(label, layer.toString());
    Tensor x = Torch.fromArray(doubles(c.getAsJsonArray("input")),
        longs(c.getAsJsonArray("input_shape"))).requiresGrad_(true);
    Tensor y = layer.forward(x);
    assertArrayEquals(longs(c.getAsJsonArray("output_shape")), y.shape(), label);
    assertArrayEquals(doubles(c.getAsJsonArray("output")), y.toDoubleArray(), 1e-12, label);
    Tensor f = alias(name, x, size, scale, mode, align);
    assertArrayEquals(doubles(c.getAsJsonArray("alias_output")), f.toDoubleArray(), 1e-12,
        label);
    Tensor w = Torch.fromArray(doubles(c.getAsJsonArray("weight")), y.shape());
    y.mul(w).sum().backward();
    assertArrayEquals(doubles(c.getAsJsonArray("grad")), x.grad().toDoubleArray(), 1e-12, label);
  }

  @Test
  void defaults_andAccessors_areTheLayersArguments() {
    Upsample up = new Upsample(2.0);
    assertEquals(InterpolationMode.NEAREST, up.mode());
    assertEquals(2.0, up.scaleFactor());
    assertNull(up.size());
    assertEquals(false, new Upsample(new long[] {4, 4}, InterpolationMode.BILINEAR).alignCorners());
    assertArrayEquals(new long[] {3, 5}, new UpsamplingBilinear2d(new long[] {3, 5}).size());
    assertEquals(2.0, new UpsamplingNearest2d(2.0).scaleFactor());
  }

  @Test
  void errors_nameTheLayerOrFunctionAndTheArgument() {
    IllegalArgumentException nearestAligned = assertThrows(IllegalArgumentException.class,
        () -> new Upsample(2.0, InterpolationMode.NEAREST, true));
    assertTrue(nearestAligned.getMessage().startsWith("Upsample: alignCorners only applies"),
        nearestAligned.getMessage());
    IllegalArgumentException badScale = assertThrows(IllegalArgumentException.class,
        () -> new UpsamplingNearest2d(-1.0));
    assertTrue(badScale.getMessage().startsWith("UpsamplingNearest2d: scaleFactor must be"),
        badScale.getMessage());
    IllegalArgumentException badSize = assertThrows(IllegalArgumentException.class,
        () -> new UpsamplingBilinear2d(new long[] {4}));
    assertTrue(badSize.getMessage().startsWith("UpsamplingBilinear2d: size must give two"),
        badSize.getMessage());
    RuntimeException rank = assertThrows(RuntimeException.class,
        () -> F.upsampleNearest(Torch.zeros(2, 3, 4), 2.0));
    assertTrue(rank.getMessage().startsWith("F.upsampleNearest: expected a 4-D input"),
        rank.getMessage());
    RuntimeException aliasSize = assertThrows(RuntimeException.class,
        () -> F.upsample(Torch.zeros(1, 1, 2, 2), new long[] {3}));
    assertTrue(aliasSize.getMessage().contains("F.upsample:"),
        aliasSize.getMessage());
  }
}

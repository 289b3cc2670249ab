package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
 * {@code Tensor.index}, {@code indexPut_}, {@code maskedFill_} and {@code maskedScatter_}
 * against PyTorch's subscript ({@code src/test/python/indexing_golden.py} wrote {@code
 * golden/indexing.json}): the result's shape and values for the same index string, with the
 * same placeholders, and whether a read is a view of its input, as PyTorch's is.
 */
class IndexStringGoldenTest {

  static List<JsonObject> cases() throws IOException {
    try (InputStream in = IndexStringGoldenTest.class.getResourceAsStream("/golden/indexing.json")) {
      assertNotNull(in, "missing fixture golden/indexing.json");
      JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("cases")) {
        out.add(e.getAsJsonObject());
      }
      return out;
    }
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void matchesPyTorch(JsonObject c) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = arange(longs(c.getAsJsonArray("shape")));
      String op = c.get("op").getAsString();
      Tensor result;
      switch (op) {
        case "read":
          result = x.index(c.get("index").getAsString(), placeholders(c));
          break;
        case "write":
          JsonElement v = c.get("value");
          if (v.isJsonObject()) {
            x.indexPut_(c.get("index").getAsString(), tensor(v.getAsJsonObject()),
                placeholders(c));
          } else {
            x.indexPut_(c.get("index").getAsString(), v.getAsDouble(), placeholders(c));
          }
          result = x;
          break;
        case "maskedFill_":
          result = x.maskedFill_(mask(c.getAsJsonObject("mask")), c.get("value").getAsDouble());
          break;
        default:
          result = x.maskedScatter_(mask(c.getAsJsonObject("mask")),
              tensor(c.getAsJsonObject("value")));
          break;
      }
      String name = op + " \"" + c.get("index") + "\"";
      assertArrayEquals(longs(c.getAsJsonArray("result_shape")), result.shape(), name);
      double[] expected = doubles(c.getAsJsonArray("result"));
      float[] actual = result.toFloatArray();
      assertEquals(expected.length, actual.length, name);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 0.0, name + " value " + i);
      }
      if (c.has("view") && result.numel() > 0) {
        double sum = sum(x);
        result.fill_(-100);
        boolean view = c.get("view").getAsBoolean();
        assertEquals(view, sum(x) != sum,
            name + ": a write through the result " + (view ? "must" : "must not")
                + " change the input");
      }
    }
  }

  @Test
  void aSliceIsAViewBothWays() {
    Tensor x = Torch.zeros(2, 10);
    Tensor part = x.index(":, 1:3");
    x.indexPut_(":, 2", 5);
    assertArrayEquals(new float[] {0, 5, 0, 5}, part.toFloatArray());
    part.indexPut_("1", 7);
    assertEquals(7f, x.toFloatArray()[11]);
  }

  @Test
  void gradientsFlowBackThroughTheIndexedElementsOnly() {
    Tensor x = Torch.zeros(2, 4).requiresGrad_(true);
    x.index(":, 1:3").sum().backward();
    assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1, 1, 0}, x.grad().toFloatArray());
    Tensor y = Torch.zeros(2, 4).requiresGrad_(true);
    Tensor rows = Torch.fromArray(new long[] {1, 1}, 2);
    y.index("?, 0", rows).sum().backward();
    assertArrayEquals(new float[] {0, 0, 0, 0, 2, 0, 0, 0}, y.grad().toFloatArray());
  }

  private static Object[] placeholders(JsonObject c) {
    JsonArray ph = c.getAsJsonArray("placeholders");
    Object[] out = new Object[ph.size()];
    for (int i = 0; i < out.length; i++) {
      JsonElement e = ph.get(i);
      if (e.isJsonPrimitive()) {
        out[i] = e.getAsInt();
      } else {
        JsonObject t = e.getAsJsonObject();
        out[i] = t.get("dtype").getAsString().equals("bool") ? mask(t) : positions(t);
      }
    }
    return out;
  }

  private static long[] shapeOf(JsonObject t) {
    return t.has("shape") ? longs(t.getAsJsonArray("shape"))
        : new long[] {t.getAsJsonArray("values").size()};
  }

  private static Tensor mask(JsonObject t) {
    JsonArray v = t.getAsJsonArray("values");
    boolean[] b = new boolean[v.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = v.get(i).getAsBoolean();
    }
    return Torch.fromArray(b, shapeOf(t));
  }

  private static Tensor positions(JsonObject t) {
    return Torch.fromArray(longs(t.getAsJsonArray("values")), shapeOf(t));
  }

  private static Tensor tensor(JsonObject t) {
    double[] v = doubles(t.getAsJsonArray("values"));
    float[] f = new float[v.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) v[i];
    }
    return Torch.fromArray(f, shapeOf(t));
  }

  private static Tensor arange(long[] shape) {
    int n = 1;
    for (long s : shape) {
      n *= (int) s;
    }
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = i;
    }
    return Torch.fromArray(f, shape);
  }

  private static double sum(Tensor x) {
    double s = 0;
    for (float f : x.toFloatArray()) {
      s += f;
    }
    return s;
  }

  private static double[] doubles(JsonArray a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsDouble();
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
}

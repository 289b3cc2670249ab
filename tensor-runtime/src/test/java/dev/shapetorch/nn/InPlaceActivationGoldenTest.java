package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.activation.RReLU;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * F.hardtanh_, F.celu_, F.selu_, F.threshold_, F.rrelu_ and F.rrelu / RReLU out of training
 * against PyTorch 1.13 (fixture {@code golden/nn/inplace_activation.json}, from {@code
 * src/test/python/inplace_activation_golden.py}); RReLU's training draws checked by their
 * definition (slopes in [lower, upper], the gradient the drawn slope).
 */
class InPlaceActivationGoldenTest {

  private static JsonObject root() throws IOException {
    try (InputStream in = InPlaceActivationGoldenTest.class
        .getResourceAsStream("/golden/nn/inplace_activation.json")) {
      assertNotNull(in, "missing fixture golden/nn/inplace_activation.json");
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

  private static Tensor call(String name, Tensor x, double[] a) {
    boolean none = a.length == 0;
    return switch (name) {
      case "hardtanh_" -> none ? F.hardtanh_(x) : F.hardtanh_(x, a[0], a[1]);
      case "celu_" -> none ? F.celu_(x) : F.celu_(x, a[0]);
      case "selu_" -> F.selu_(x);
      case "threshold_" -> F.threshold_(x, a[0], a[1]);
      case "rrelu" -> none ? F.rrelu(x) : F.rrelu(x, a[0], a[1], false);
      case "rrelu_" -> none ? F.rrelu_(x) : F.rrelu_(x, a[0], a[1], false);
      default -> throw new AssertionError("no function " + name);
    };
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void function_computesAndDifferentiatesAsPyTorch(JsonObject c) {
    String name = c.get("function").getAsString();
    Tensor x = Torch.fromArray(doubles(c.getAsJsonArray("input")),
        longs(c.getAsJsonArray("input_shape"))).requiresGrad_(true);
    Tensor copy = x.clone();
    Tensor y = call(name, copy, doubles(c.getAsJsonArray("args")));
    if (name.endsWith("_")) {
      assertSame(copy, y, name + " returns its input");
    }
    assertArrayEquals(doubles(c.getAsJsonArray("output")), y.toDoubleArray(), 1e-12, name);
    Tensor w = Torch.fromArray(doubles(c.getAsJsonArray("weight")), y.shape());
    y.mul(w).sum().backward();
    assertArrayEquals(doubles(c.getAsJsonArray("grad")), x.grad().toDoubleArray(), 1e-12, name);
  }

  @Test
  void rreluModule_printsAsPyTorchAndUsesTheMeanSlopeInEval() throws IOException {
    JsonObject reprs = root().getAsJsonObject("rrelu_repr");
    assertEquals(reprs.get("default").getAsString(), new RReLU().toString());
    assertEquals(reprs.get("custom").getAsString(), new RReLU(0.1, 0.3).toString());
    RReLU layer = new RReLU(0.1, 0.3);
    layer.eval();
    Tensor y = layer.forward(Torch.fromArray(new double[] {-2.0, 3.0}, 2));
    assertArrayEquals(new double[] {-2.0 * 0.2, 3.0}, y.toDoubleArray(), 1e-12);
  }

  @Test
  void rreluInTraining_drawsEachSlopeFromTheRangeAndDifferentiatesByIt() {
    double lower = 0.1;
    double upper = 0.3;
    int n = 64;
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i % 2 == 0 ? -(1.0 + i) : 1.0 + i;
    }
    Tensor x = Torch.fromArray(xs, n).requiresGrad_(true);
    RReLU layer = new RReLU(lower, upper);
    Tensor y = layer.forward(x);
    y.sum().backward();
    double[] out = y.toDoubleArray();
    double[] grad = x.grad().toDoubleArray();
    Set<Double> slopes = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (xs[i] > 0) {
        assertEquals(xs[i], out[i], 0.0);
        assertEquals(1.0, grad[i], 0.0);
      } else {
        double a = out[i] / xs[i];
        assertTrue(a >= lower && a <= upper, "slope " + a + " outside [" + lower + ", " + upper + "]");
        assertEquals(a, grad[i], 1e-12);
        slopes.add(a);
      }
    }
    assertTrue(slopes.size() > 1, "training draws a slope per element, got " + slopes);
  }

  @Test
  void errors_startWithTheOpAndNameTheArguments() {
    var bounds = assertThrows(IllegalArgumentException.class, () -> new RReLU(0.5, 0.1));
    assertTrue(bounds.getMessage().startsWith("RReLU: lower must be <= upper, got lower 0.5"),
        bounds.getMessage());
    var f = assertThrows(IllegalArgumentException.class,
        () -> F.rrelu(Torch.zeros(2), 0.5, 0.1, true));
    assertTrue(f.getMessage().startsWith("F.rrelu: lower must be <= upper"), f.getMessage());
    var h = assertThrows(IllegalArgumentException.class,
        () -> F.hardtanh_(Torch.zeros(2), 1.0, -1.0));
    assertTrue(h.getMessage().startsWith("F.hardtanh_: maxVal must be greater than minVal"),
        h.getMessage());
    var c = assertThrows(IllegalArgumentException.class, () -> F.celu_(Torch.zeros(2), 0.0));
    assertTrue(c.getMessage().startsWith("F.celu_: alpha must not be 0"), c.getMessage());
    // As in PyTorch, a leaf that requires grad cannot be overwritten in place.
    Tensor leaf = Torch.zeros(2).requiresGrad_(true);
    var inPlace = assertThrows(RuntimeException.class, () -> F.selu_(leaf));
    assertTrue(inPlace.getMessage().contains("F.selu_"), inPlace.getMessage());
  }
}

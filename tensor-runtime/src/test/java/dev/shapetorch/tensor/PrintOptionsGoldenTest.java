package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Torch.setPrintOptions} against PyTorch 1.13's {@code torch.set_printoptions}: every
 * tensor of {@code golden/print_options.json} (written by {@code
 * src/test/python/print_options_golden.py}) prints exactly as PyTorch's repr did under the same
 * precision, threshold, edge items, line width and scientific mode.
 */
class PrintOptionsGoldenTest {

  record Case(String name, PrintOptions options, String dtype, long[] shape, JsonArray values,
      String repr) {
    @Override
    public String toString() {
      return name;
    }
  }

  @AfterEach
  void restoreDefaults() {
    Torch.setPrintOptions(PrintOptions.DEFAULT);
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = PrintOptionsGoldenTest.class.getResourceAsStream(
        "/golden/print_options.json")) {
      JsonArray all = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonArray();
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        JsonObject c = all.get(i).getAsJsonObject();
        JsonObject o = c.getAsJsonObject("options");
        Boolean sci = o.get("sci_mode").isJsonNull() ? null : o.get("sci_mode").getAsBoolean();
        PrintOptions options = new PrintOptions(o.get("precision").getAsInt(),
            o.get("threshold").getAsLong(), o.get("edgeitems").getAsInt(),
            o.get("linewidth").getAsInt(), sci);
        JsonArray shape = c.getAsJsonArray("shape");
        long[] s = new long[shape.size()];
        for (int d = 0; d < s.length; d++) {
          s[d] = shape.get(d).getAsLong();
        }
        cases.add(new Case("#" + i + " " + options + " " + c.get("dtype").getAsString(), options,
            c.get("dtype").getAsString(), s, c.getAsJsonArray("values"),
            c.get("repr").getAsString()));
      }
      return cases.stream();
    }
  }

  private static double value(JsonElement e) {
    if (e.isJsonNull()) {
      return Double.NaN;
    }
    if (e.getAsJsonPrimitive().isString()) {
      return e.getAsString().equals("inf") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return e.getAsDouble();
  }

  private static Tensor tensor(Case c) {
    int n = c.values().size();
    switch (c.dtype()) {
      case "torch.float32" -> {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = (float) value(c.values().get(i));
        }
        return Torch.fromArray(v, c.shape());
      }
      case "torch.float64" -> {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = value(c.values().get(i));
        }
        return Torch.fromArray(v, c.shape());
      }
      case "torch.int64" -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = c.values().get(i).getAsLong();
        }
        return Torch.fromArray(v, c.shape());
      }
      default -> throw new AssertionError("no tensor for dtype " + c.dtype());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void repr_underTheOptions_matchesPyTorch(Case c) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor t = tensor(c);
      Torch.setPrintOptions(c.options());
      assertEquals(c.repr(), t.toString());
    }
  }

  @Test
  void options_areReadBack_andTheProfilesArePyTorchs() {
    assertSame(PrintOptions.DEFAULT, Torch.getPrintOptions());
    Torch.setPrintOptions(PrintOptions.SHORT);
    assertEquals(new PrintOptions(2, 1000, 2, 80, null), Torch.getPrintOptions());
    assertEquals(Long.MAX_VALUE, PrintOptions.FULL.threshold());
    assertEquals(PrintOptions.DEFAULT.withPrecision(2).withEdgeItems(2), PrintOptions.SHORT);
  }

  @Test
  void badOptions_areRefusedNamingTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrintOptions.DEFAULT.withPrecision(-1));
    assertEquals("PrintOptions: precision -1 must be between 0 and 30 digits", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PrintOptions.DEFAULT.withEdgeItems(0));
    assertThrows(IllegalArgumentException.class, () -> PrintOptions.DEFAULT.withLineWidth(0));
    assertThrows(IllegalArgumentException.class, () -> PrintOptions.DEFAULT.withThreshold(-1));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Torch.setPrintOptions(null));
    assertEquals("Torch.setPrintOptions: options is null; pass a value", none.getMessage());
  }
}

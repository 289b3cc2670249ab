package dev.shapetorch.nn.pixelshuffle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.ShapeException;
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
 * PixelShuffle and PixelUnshuffle (and F.pixelShuffle / F.pixelUnshuffle) against PyTorch 1.13
 * (fixture {@code golden/nn/pixelshuffle.json}, from {@code src/test/python/pixelshuffle_golden.py}):
 * repr, output and input gradient, batched, unbatched and with two batch dims.
 */
class PixelShuffleGoldenTest {

  static List<JsonObject> cases() throws IOException {
    try (InputStream in =
        PixelShuffleGoldenTest.class.getResourceAsStream("/golden/nn/pixelshuffle.json")) {
      assertNotNull(in, "missing fixture golden/nn/pixelshuffle.json");
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

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void layer_printsComputesAndDifferentiatesAsPyTorch(JsonObject c) {
    boolean shuffle = c.get("layer").getAsString().equals("PixelShuffle");
    int r = c.get("factor").getAsInt();
    UnaryModule layer = shuffle ? new PixelShuffle(r) : new PixelUnshuffle(r);
    String label = c.get("repr").getAsString();
    assertEquals(label, layer.toString());
    Tensor x = Torch.fromArray(doubles(c.getAsJsonArray("input")),
        longs(c.getAsJsonArray("input_shape"))).requiresGrad_(true);
    Tensor y = layer.forward(x);
    assertArrayEquals(longs(c.getAsJsonArray("output_shape")), y.shape(), label);
    assertArrayEquals(doubles(c.getAsJsonArray("output")), y.toDoubleArray(), 0.0, label);
    Tensor f = shuffle ? F.pixelShuffle(x, r) : F.pixelUnshuffle(x, r);
    assertArrayEquals(doubles(c.getAsJsonArray("output")), f.toDoubleArray(), 0.0, label);
    Tensor w = Torch.fromArray(doubles(c.getAsJsonArray("weight")), y.shape());
    y.mul(w).sum().backward();
    assertArrayEquals(doubles(c.getAsJsonArray("grad")), x.grad().toDoubleArray(), 0.0, label);
  }

  @Test
  void shuffleThenUnshuffle_isTheIdentity() {
    Tensor x = Torch.arange(2 * 8 * 3 * 2).reshape(2, 8, 3, 2);
    Tensor back = Torch.pixelUnshuffle(Torch.pixelShuffle(x, 2), 2);
    assertArrayEquals(x.toDoubleArray(), back.toDoubleArray(), 0.0);
  }

  @Test
  void errors_nameTheOpTheDimAndTheFactor() {
    ShapeException ch = assertThrows(ShapeException.class,
        () -> F.pixelShuffle(Torch.zeros(1, 6, 2, 2), 2));
    assertEquals("shape.split.size", ch.key());
    assertTrue(ch.getMessage().contains("F.pixelShuffle"), ch.getMessage());
    assertTrue(ch.getMessage().contains("dim -3 of [1, 6, 2, 2] has size 6"), ch.getMessage());
    assertTrue(ch.getMessage().contains("upscaleFactor 2 squared (4)"), ch.getMessage());
    ShapeException h = assertThrows(ShapeException.class,
        () -> new PixelUnshuffle(2).forward(Torch.zeros(1, 1, 3, 4)));
    assertTrue(h.getMessage().contains("PixelUnshuffle.forward"), h.getMessage());
    assertTrue(h.getMessage().contains("dim -2 of [1, 1, 3, 4] has size 3"), h.getMessage());
    assertTrue(h.getMessage().contains("downscaleFactor 2"), h.getMessage());
    ShapeException rank = assertThrows(ShapeException.class,
        () -> Torch.pixelUnshuffle(Torch.zeros(4, 4), 2));
    assertEquals("shape.rank", rank.key());
    assertTrue(rank.getMessage().contains("Torch.pixelUnshuffle"), rank.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> new PixelShuffle(0));
    assertTrue(zero.getMessage().startsWith("PixelShuffle: upscaleFactor must be >= 1, got 0"),
        zero.getMessage());
    assertEquals(3, new PixelShuffle(3).upscaleFactor());
    assertEquals(2, new PixelUnshuffle(2).downscaleFactor());
  }
}

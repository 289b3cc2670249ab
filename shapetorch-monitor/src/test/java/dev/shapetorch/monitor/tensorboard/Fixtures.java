package dev.shapetorch.monitor.tensorboard;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The fixtures of {@code golden/tensorboard/}, written by PyTorch and TensorBoard ({@code
 * src/test/python/tensorboard_golden.py}; its docstring says what each holds).
 */
final class Fixtures {

  private Fixtures() {}

  static JsonObject json(String name) {
    try (InputStream in = stream(name)) {
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream stream(String name) {
    InputStream in = Fixtures.class.getResourceAsStream("/golden/tensorboard/" + name);
    assertNotNull(in, "missing fixture golden/tensorboard/" + name);
    return in;
  }

  static byte[] hex(JsonObject o, String key) {
    return HexFormat.of().parseHex(o.get(key).getAsString());
  }

  static double[] doubles(JsonArray a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsDouble();
    }
    return out;
  }
}

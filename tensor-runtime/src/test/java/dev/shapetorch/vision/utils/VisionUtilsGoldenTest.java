package dev.shapetorch.vision.utils;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VisionUtils#makeGrid} and {@link VisionUtils#saveImage} against torchvision's
 * definitions, run by PyTorch ({@code src/test/python/vision_utils_golden.py} wrote {@code
 * golden/vision/grid.json}): the grid's shape and values, and the PNG's pixels.
 */
class VisionUtilsGoldenTest {

  @TempDir Path dir;

  static List<JsonObject> cases() throws IOException {
    try (InputStream in = VisionUtilsGoldenTest.class.getResourceAsStream("/golden/vision/grid.json")) {
      assertNotNull(in, "missing fixture golden/vision/grid.json");
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
  void makeGrid_matchesTorchvision(JsonObject c) {
    Tensor grid = VisionUtils.makeGrid(input(c), options(c));
    assertArrayEquals(longs(c.getAsJsonArray("grid_shape")), grid.shape(), name(c));
    double[] expected = doubles(c.getAsJsonArray("grid"));
    float[] actual = grid.toFloatArray();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6, name(c) + " value " + i);
    }
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void saveImage_writesTorchvisionsPixels(JsonObject c) throws IOException {
    Path file = dir.resolve(name(c) + ".png");
    VisionUtils.saveImage(input(c), file, options(c));
    BufferedImage png = ImageIO.read(file.toFile());
    long[] shape = longs(c.getAsJsonArray("pixels_shape"));
    assertThat(new long[] {png.getHeight(), png.getWidth()})
        .isEqualTo(new long[] {shape[0], shape[1]});
    double[] expected = doubles(c.getAsJsonArray("pixels"));
    int channels = (int) shape[2];
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        int rgb = png.getRGB(x, y);
        int[] got = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
        for (int ch = 0; ch < channels; ch++) {
          int want = (int) expected[(y * png.getWidth() + x) * channels + ch];
          assertEquals(want, got[ch], name(c) + " pixel (" + y + ", " + x + ") channel " + ch);
        }
      }
    }
  }

  private static String name(JsonObject c) {
    return c.get("name").getAsString();
  }

  private static Tensor input(JsonObject c) {
    double[] values = doubles(c.getAsJsonArray("input"));
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return Torch.fromArray(f, longs(c.getAsJsonArray("shape")));
  }

  private static GridOptions options(JsonObject c) {
    JsonObject o = c.getAsJsonObject("options");
    GridOptions g = GridOptions.defaults();
    if (o.has("nrow")) {
      g = g.withNrow(o.get("nrow").getAsInt());
    }
    if (o.has("padding")) {
      g = g.withPadding(o.get("padding").getAsInt());
    }
    if (o.has("normalize")) {
      g = g.withNormalize(o.get("normalize").getAsBoolean());
    }
    if (o.has("value_range")) {
      JsonArray r = o.getAsJsonArray("value_range");
      g = g.withValueRange(r.get(0).getAsDouble(), r.get(1).getAsDouble());
    }
    if (o.has("scale_each")) {
      g = g.withScaleEach(o.get("scale_each").getAsBoolean());
    }
    if (o.has("pad_value")) {
      g = g.withPadValue(o.get("pad_value").getAsDouble());
    }
    return g;
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

package dev.shapetorch.vision.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.DType;
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

/**
 * {@link TF} against torchvision 0.14's functional transforms on tensors ({@code
 * src/test/python/vision_transforms_golden.py} wrote {@code golden/vision/transforms.json}): the
 * result's shape, dtype and values for a uint8 and a float32 image {@code [3, 7, 9]}.
 */
class TransformsGoldenTest {

  /** The script's uint8 image: {@code (37 * k + 11) % 256} at flat index k. */
  static Tensor u8() {
    byte[] b = new byte[3 * 7 * 9];
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) ((37 * k + 11) % 256);
    }
    return Torch.frombuffer(b, DType.UINT8, new long[] {3, 7, 9});
  }

  /** The script's float image: {@link #u8()} / 255. */
  static Tensor f32() {
    return u8().to(DType.FLOAT32).div(255.0);
  }

  static List<JsonObject> cases() throws IOException {
    try (InputStream in =
        TransformsGoldenTest.class.getResourceAsStream("/golden/vision/transforms.json")) {
      assertNotNull(in, "missing fixture golden/vision/transforms.json");
      JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("cases")) {
        out.add(e.getAsJsonObject());
      }
      return out;
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void functional_matchesTorchvision(JsonObject c) {
    Tensor x = c.get("input").getAsString().equals("u8") ? u8() : f32();
    Tensor y = call(c.get("op").getAsString(), c.getAsJsonObject("args"), x);
    String name = c.get("op") + " " + c.get("input") + " " + c.get("args");
    assertArrayEquals(longs(c.getAsJsonArray("shape")), y.shape(), name);
    assertEquals(c.get("dtype").getAsString(), y.dtype().pytorchName(), name);
    double[] expected = doubles(c.getAsJsonArray("values"));
    double[] actual = y.to(DType.FLOAT64).toDoubleArray();
    boolean integer = !y.dtype().isFloatingPoint();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], integer ? 0 : 1e-5, name + " value " + i);
    }
  }

  private static Tensor call(String op, JsonObject a, Tensor x) {
    return switch (op) {
      case "centerCrop" -> TF.centerCrop(x, i(a, "h"), i(a, "w"));
      case "crop" -> TF.crop(x, i(a, "top"), i(a, "left"), i(a, "h"), i(a, "w"));
      case "pad" -> TF.pad(x, longs(a.getAsJsonArray("padding")), d(a, "fill"),
          PaddingMode.valueOf(a.get("mode").getAsString()));
      case "hflip" -> TF.hflip(x);
      case "vflip" -> TF.vflip(x);
      case "rgbToGrayscale" -> TF.rgbToGrayscale(x, (int) i(a, "n"));
      case "adjustBrightness" -> TF.adjustBrightness(x, d(a, "f"));
      case "adjustContrast" -> TF.adjustContrast(x, d(a, "f"));
      case "adjustSaturation" -> TF.adjustSaturation(x, d(a, "f"));
      case "adjustHue" -> TF.adjustHue(x, d(a, "f"));
      case "adjustSharpness" -> TF.adjustSharpness(x, d(a, "f"));
      case "autocontrast" -> TF.autocontrast(x);
      case "equalize" -> TF.equalize(x);
      case "invert" -> TF.invert(x);
      case "posterize" -> TF.posterize(x, (int) i(a, "bits"));
      case "solarize" -> TF.solarize(x, d(a, "t"));
      case "gaussianBlur" -> TF.gaussianBlur(x, ints(a.getAsJsonArray("k")),
          doubles(a.getAsJsonArray("sigma")));
      case "convertImageDtype" -> TF.convertImageDtype(x, DType.valueOf(a.get("dtype").getAsString()));
      case "rotate" -> TF.rotate(x, d(a, "angle"), mode(a), a.get("expand").getAsBoolean(), null,
          a.get("fill").isJsonNull() ? null : doubles(a.getAsJsonArray("fill")));
      case "affine" -> TF.affine(x, d(a, "angle"), doubles(a.getAsJsonArray("translate")),
          d(a, "scale"), doubles(a.getAsJsonArray("shear")), mode(a),
          doubles(a.getAsJsonArray("fill")), null);
      case "perspective" -> TF.perspective(x, points(a.getAsJsonArray("start")),
          points(a.getAsJsonArray("end")), mode(a), doubles(a.getAsJsonArray("fill")));
      case "resizedCrop" -> TF.resizedCrop(x, i(a, "top"), i(a, "left"), i(a, "h"), i(a, "w"),
          (int) i(a, "oh"), (int) i(a, "ow"));
      case "fiveCrop" -> TF.fiveCrop(x, i(a, "h"), i(a, "w"));
      case "tenCrop" -> TF.tenCrop(x, i(a, "h"), i(a, "w"), a.get("vertical").getAsBoolean());
      case "erase" -> TF.erase(x, i(a, "i"), i(a, "j"), i(a, "h"), i(a, "w"),
          Torch.fromArray(doubles(a.getAsJsonArray("v")), 3, 1, 1));
      default -> throw new AssertionError("unknown op " + op);
    };
  }

  private static InterpolationMode mode(JsonObject a) {
    return InterpolationMode.valueOf(a.get("mode").getAsString());
  }

  private static long i(JsonObject a, String k) {
    return a.get(k).getAsLong();
  }

  private static double d(JsonObject a, String k) {
    return a.get(k).getAsDouble();
  }

  private static int[][] points(JsonArray a) {
    int[][] out = new int[a.size()][];
    for (int k = 0; k < out.length; k++) {
      out[k] = ints(a.get(k).getAsJsonArray());
    }
    return out;
  }

  private static int[] ints(JsonArray a) {
    int[] out = new int[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = a.get(k).getAsInt();
    }
    return out;
  }

  static long[] longs(JsonArray a) {
    long[] out = new long[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = a.get(k).getAsLong();
    }
    return out;
  }

  static double[] doubles(JsonArray a) {
    double[] out = new double[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = a.get(k).getAsDouble();
    }
    return out;
  }
}

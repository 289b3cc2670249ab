package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.shapetorch.data.Dataset;
import dev.shapetorch.data.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datasets against what torchvision 0.14's own readers yield on the same tiny files
 * ({@code src/test/python/vision_datasets_golden.py} wrote {@code golden/vision/datasets.json};
 * this test writes the same files with the same formulas).
 */
class VisionDatasetsGoldenTest {

  private static JsonObject golden;

  @TempDir Path root;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        VisionDatasetsGoldenTest.class.getResourceAsStream("/golden/vision/datasets.json")) {
      assertNotNull(in, "missing fixture golden/vision/datasets.json");
      golden = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  /** Byte i of image n, as the script's {@code pixel}. */
  static int pixel(int n, int i) {
    return (n * 37 + i * 11 + (i / 7) * 3) % 256;
  }

  static byte[] images(int first, int count, int size) {
    byte[] out = new byte[count * size];
    for (int n = 0; n < count; n++) {
      for (int i = 0; i < size; i++) {
        out[n * size + i] = (byte) pixel(first + n, i);
      }
    }
    return out;
  }

  /** Compares every example with the records; {@code picks} selects the recorded pixels. */
  private static void assertMatches(Dataset<Sample> ds, JsonArray records, int[] picks) {
    assertThat(ds.size()).isEqualTo(records.size());
    for (int k = 0; k < records.size(); k++) {
      JsonObject r = records.get(k).getAsJsonObject();
      Sample s = ds.get(k);
      List<Long> shape = new ArrayList<>();
      for (JsonElement e : r.getAsJsonArray("shape")) {
        shape.add(e.getAsLong());
      }
      assertThat(s.input().shape()).asList().containsExactlyElementsIn(shape).inOrder();
      byte[] px = s.input().contiguous().toBytes();
      JsonArray want = r.getAsJsonArray("pixels");
      for (int j = 0; j < want.size(); j++) {
        int at = picks == null ? j : picks[j];
        assertThat(px[at] & 0xff).isEqualTo(want.get(j).getAsInt());
      }
      assertThat(s.target().itemLong()).isEqualTo(r.get("target").getAsLong());
    }
  }

  @Test
  void stl10_matchesTorchvision() {
    Path d = root.resolve("stl10_binary");
    int size = 3 * 96 * 96;
    IdxFiles.write(d.resolve("train_X.bin"), images(0, 3, size));
    IdxFiles.write(d.resolve("train_y.bin"), new byte[] {3, 10, 1});
    IdxFiles.write(d.resolve("unlabeled_X.bin"), images(50, 2, size));
    IdxFiles.write(d.resolve("fold_indices.txt"), "2 0\n1\n".getBytes(StandardCharsets.US_ASCII));
    int[] picks = {0, 1, 2, 95, 96, 97, 9215, 9216, 18431, 27647};
    JsonObject cases = golden.getAsJsonObject("stl10");
    assertMatches(new STL10(root, "train", null), cases.getAsJsonArray("train/None"), picks);
    assertMatches(new STL10(root, "train", 0, null, null), cases.getAsJsonArray("train/0"), picks);
    assertMatches(new STL10(root, "train+unlabeled", 1, null, null),
        cases.getAsJsonArray("train+unlabeled/1"), picks);
    assertMatches(new STL10(root, "unlabeled", null), cases.getAsJsonArray("unlabeled/None"),
        picks);
  }

  @Test
  void emnist_servesTheFileOrderAndTheClassesOfTorchvision() {
    Path raw = root.resolve("EMNIST").resolve("raw");
    IdxFiles.write(raw.resolve("emnist-letters-train-images-idx3-ubyte"),
        IdxFiles.idx(new int[] {2, 28, 28}, images(0, 2, 784)));
    IdxFiles.write(raw.resolve("emnist-letters-train-labels-idx1-ubyte"),
        IdxFiles.idx(new int[] {2}, new byte[] {26, 1}));
    JsonObject g = golden.getAsJsonObject("emnist");
    EMNIST letters = new EMNIST(root, "letters", true, null);
    assertMatches(letters, g.getAsJsonArray("records"), null);
    assertThat(letters.classes()).containsExactlyElementsIn(strings(g.getAsJsonArray("classes")))
        .inOrder();
    assertThat(EMNIST.classesOf("balanced"))
        .containsExactlyElementsIn(strings(g.getAsJsonArray("classes_balanced"))).inOrder();
    assertThat(EMNIST.classesOf("byclass"))
        .containsExactlyElementsIn(strings(g.getAsJsonArray("classes_byclass"))).inOrder();
  }

  @Test
  void kmnist_matchesTorchvision() {
    Path raw = root.resolve("KMNIST").resolve("raw");
    IdxFiles.write(raw.resolve("t10k-images-idx3-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.idx(new int[] {2, 28, 28}, images(9, 2, 784))));
    IdxFiles.write(raw.resolve("t10k-labels-idx1-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.idx(new int[] {2}, new byte[] {9, 4})));
    JsonObject g = golden.getAsJsonObject("kmnist");
    KMNIST test = new KMNIST(root, false, null);
    assertMatches(test, g.getAsJsonArray("records"), null);
    assertThat(test.classes()).containsExactlyElementsIn(strings(g.getAsJsonArray("classes")))
        .inOrder();
  }

  @Test
  void semeion_matchesTorchvision() throws IOException {
    StringBuilder text = new StringBuilder();
    int[] labels = {7, 0};
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < 256; i++) {
        text.append((pixel(k, i) >> 3) & 1).append(".0000 ");
      }
      for (int c = 0; c < 10; c++) {
        text.append(c == labels[k] ? "1" : "0").append(c < 9 ? " " : " \n");
      }
    }
    Files.writeString(root.resolve("semeion.data"), text);
    assertMatches(new SEMEION(root, null), golden.getAsJsonArray("semeion"), null);
  }

  @Test
  void fakeData_drawsTorchvisionsImagesAndLabels() {
    for (JsonElement e : golden.getAsJsonArray("fakedata")) {
      JsonObject c = e.getAsJsonObject();
      JsonArray size = c.getAsJsonArray("image_size");
      FakeData fake = new FakeData(c.get("size").getAsInt(),
          new long[] {size.get(0).getAsLong(), size.get(1).getAsLong(), size.get(2).getAsLong()},
          c.get("num_classes").getAsInt(), null, null, c.get("random_offset").getAsLong());
      assertMatches(fake, c.getAsJsonArray("records"), null);
    }
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a) {
      out.add(e.getAsString());
    }
    return out;
  }
}

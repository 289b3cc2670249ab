package dev.shapetorch.monitor.tensorboard;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventFileReader} reads an event file that PyTorch's {@code SummaryWriter} wrote ({@code
 * golden/tensorboard/pytorch.tfevents}), value for value as {@code pytorch.json} lists them.
 */
class PyTorchEventFileTest {

  @TempDir Path dir;

  private List<Event> events() throws IOException {
    Path file = dir.resolve("events.out.tfevents.pytorch");
    try (InputStream in = Fixtures.stream("pytorch.tfevents")) {
      Files.copy(in, file);
    }
    return EventFileReader.read(file);
  }

  private static SummaryValue value(List<Event> events, String tag, long step) {
    for (Event e : events) {
      for (SummaryValue v : e.values()) {
        if (v.tag().equals(tag) && e.step() == step) {
          return v;
        }
      }
    }
    throw new AssertionError("no value " + tag + " at step " + step);
  }

  @Test
  void firstEvent_announcesTheFileVersion() throws IOException {
    Event first = events().get(0);
    assertThat(first.fileVersion()).isEqualTo("brain.Event:2");
    assertThat(first.values()).isEmpty();
    assertThat(first.wallTime()).isGreaterThan(1.6e9);
  }

  @Test
  void scalars_asWritten() throws IOException {
    List<Event> events = events();
    JsonObject expected = Fixtures.json("pytorch.json");
    for (JsonElement s : expected.getAsJsonArray("scalars")) {
      JsonObject o = s.getAsJsonObject();
      SummaryValue v = value(events, o.get("tag").getAsString(), o.get("step").getAsLong());
      assertThat(v.simpleValue()).isEqualTo(o.get("value").getAsFloat());
      assertThat(v.pluginName()).isEmpty();
    }
  }

  @Test
  void text_isAStringTensorOfTheTextPlugin() throws IOException {
    JsonObject t = Fixtures.json("pytorch.json").getAsJsonObject("text");
    SummaryValue v = value(events(), t.get("tag").getAsString(), t.get("step").getAsLong());
    assertThat(v.pluginName()).isEqualTo("text");
    assertThat(v.strings()).containsExactly(t.get("text").getAsString());
  }

  @Test
  void histogram_readsPyTorchsBins_andOurBinningAgrees() throws IOException {
    JsonObject h = Fixtures.json("pytorch.json").getAsJsonObject("histogram");
    Histogram read = value(events(), "weights", 3).histogram();
    Histogram expected = new Histogram(h.get("min").getAsDouble(), h.get("max").getAsDouble(),
        h.get("num").getAsDouble(), h.get("sum").getAsDouble(),
        h.get("sum_squares").getAsDouble(), Fixtures.doubles(h.getAsJsonArray("bucket_limit")),
        Fixtures.doubles(h.getAsJsonArray("bucket")));
    assertThat(read).isEqualTo(expected);
    double[] values = Fixtures.doubles(Fixtures.json("protos.json").getAsJsonArray("histogram_values"));
    assertThat(Histogram.of(values)).isEqualTo(expected);
  }

  @Test
  void image_isAPngOfThePixelsPyTorchComputed() throws IOException {
    JsonObject i = Fixtures.json("pytorch.json").getAsJsonObject("image");
    EncodedImage image = value(events(), "digit", 4).image();
    assertThat(image.height()).isEqualTo(i.get("height").getAsInt());
    assertThat(image.width()).isEqualTo(i.get("width").getAsInt());
    assertThat(image.colorspace()).isEqualTo(i.get("colorspace").getAsInt());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.encoded()));
    double[] pixels = Fixtures.doubles(i.getAsJsonArray("pixels"));
    int k = 0;
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        int rgb = png.getRGB(x, y);
        assertThat((rgb >> 16) & 255).isEqualTo((int) pixels[k++]);
        assertThat((rgb >> 8) & 255).isEqualTo((int) pixels[k++]);
        assertThat(rgb & 255).isEqualTo((int) pixels[k++]);
      }
    }
  }
}

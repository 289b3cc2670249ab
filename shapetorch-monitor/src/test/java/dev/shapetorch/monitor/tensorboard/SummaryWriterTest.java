package dev.shapetorch.monitor.tensorboard;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SummaryWriter} end to end: the file it names and writes, read back by {@link
 * EventFileReader}. The log directory is left in {@code target/tensorboard-java} for the
 * independent check: {@code src/test/python/tensorboard_golden.py --check} reads it with
 * TensorBoard's own {@code EventAccumulator} (its docstring says how; the values written here
 * are those its {@code JAVA_*} constants expect).
 */
class SummaryWriterTest {

  static final Path LOG_DIR = Path.of("target", "tensorboard-java");
  static final String TEXT = "Adam, lr **2e-3**, \u00fcn\u00efcode";
  static final double[] HISTOGRAM_VALUES = {
      -2, -0.75, -0.75, -0.25, 0, 0, 0, 0.25, 0.5, 0.5, 1.25, 2.25, 2.25, 2.25, 3};

  static Path file;
  static Path hparamsRun;
  static double before;
  static double after;

  @TempDir Path tmp;

  /** The image the check expects: {@code arange(60).reshape(3, 4, 5) / 59} in float32. */
  static Tensor image() {
    float[] v = new float[60];
    for (int i = 0; i < v.length; i++) {
      v[i] = i / 59f;
    }
    return Torch.fromArray(v, 3, 4, 5);
  }

  @BeforeAll
  static void writeTheLogDirectory() throws IOException {
    if (Files.exists(LOG_DIR)) {
      try (Stream<Path> old = Files.walk(LOG_DIR)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    before = System.currentTimeMillis() / 1000.0;
    try (SummaryWriter writer = new SummaryWriter(LOG_DIR)) {
      file = writer.file();
      for (int s = 0; s < 5; s++) {
        writer.addScalar("loss/train", 1.0 / (s + 1), s);
      }
      writer.addText("notes", TEXT, 2);
      writer.addHistogram("weights", Torch.fromArray(toFloats(HISTOGRAM_VALUES), 3, 5), 3);
      writer.addImage("digit", image(), 4);
      Map<String, Object> hparams = new LinkedHashMap<>();
      hparams.put("lr", 0.002);
      hparams.put("optimizer", "adam");
      hparams.put("batch", 128);
      hparamsRun = writer.addHparams(hparams, Map.of("hparam/accuracy", 0.875));
    }
    after = System.currentTimeMillis() / 1000.0;
  }

  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static List<SummaryValue> values(List<Event> events, String tag) {
    List<SummaryValue> out = new ArrayList<>();
    for (Event e : events) {
      e.values().stream().filter(v -> v.tag().equals(tag)).forEach(out::add);
    }
    return out;
  }

  @Test
  void file_isNamedAsPyTorchNamesIt() {
    assertThat(file.getParent()).isEqualTo(LOG_DIR);
    assertThat(file.getFileName().toString())
        .matches("events\\.out\\.tfevents\\.\\d{10}\\.[^.]+(\\.[^.]+)*\\.\\d+\\.\\d+");
    assertThat(EventFileReader.eventFiles(LOG_DIR)).containsExactly(file);
  }

  @Test
  void events_versionFirst_thenEachValueAtItsStep() {
    List<Event> events = EventFileReader.read(file);
    assertThat(events.get(0).fileVersion()).isEqualTo("brain.Event:2");
    for (Event e : events) {
      assertThat(e.wallTime()).isAtLeast(Math.floor(before));
      assertThat(e.wallTime()).isAtMost(after);
    }
    List<Long> steps = new ArrayList<>();
    List<Float> losses = new ArrayList<>();
    for (Event e : events) {
      for (SummaryValue v : e.values()) {
        if (v.tag().equals("loss/train")) {
          steps.add(e.step());
          losses.add(v.simpleValue());
        }
      }
    }
    assertThat(steps).containsExactly(0L, 1L, 2L, 3L, 4L).inOrder();
    assertThat(losses).containsExactly(1f, 0.5f, 1f / 3, 0.25f, 0.2f).inOrder();
  }

  @Test
  void text_histogramAndImage_readBack() throws IOException {
    List<Event> events = EventFileReader.read(file);
    assertThat(values(events, "notes/text_summary").get(0).strings()).containsExactly(TEXT);
    assertThat(values(events, "weights").get(0).histogram())
        .isEqualTo(Histogram.of(HISTOGRAM_VALUES));
    EncodedImage image = values(events, "digit").get(0).image();
    assertThat(new int[] {image.height(), image.width(), image.colorspace()})
        .isEqualTo(new int[] {4, 5, 3});
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.encoded()));
    // pixel (1, 2): channel c holds (c * 20 + 1 * 5 + 2) / 59, times 255, truncated
    int rgb = png.getRGB(2, 1);
    assertThat((rgb >> 16) & 255).isEqualTo((int) (7 / 59f * 255f));
    assertThat((rgb >> 8) & 255).isEqualTo((int) (27 / 59f * 255f));
    assertThat(rgb & 255).isEqualTo((int) (47 / 59f * 255f));
  }

  @Test
  void hparams_goToASubdirectory_withTheMetricAsAScalar() {
    assertThat(hparamsRun.getParent()).isEqualTo(LOG_DIR);
    List<Event> events = EventFileReader.read(EventFileReader.eventFiles(hparamsRun).get(0));
    assertThat(values(events, "_hparams_/experiment").get(0).pluginName()).isEqualTo("hparams");
    assertThat(values(events, "_hparams_/session_start_info")).hasSize(1);
    assertThat(values(events, "_hparams_/session_end_info")).hasSize(1);
    assertThat(values(events, "hparam/accuracy").get(0).simpleValue()).isEqualTo(0.875f);
  }

  @Test
  void addAfterClose_isRefused() {
    SummaryWriter writer = new SummaryWriter(tmp);
    writer.close();
    writer.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> writer.addScalar("x", 1, 0));
    assertThat(e).hasMessageThat().startsWith("SummaryWriter.addScalar: the writer of ");
    assertThat(e).hasMessageThat().contains("is closed");
  }

  @Test
  void flush_makesEventsReadableWhileOpen() {
    try (SummaryWriter writer = new SummaryWriter(tmp)) {
      writer.addScalar("a", 1, 1);
      assertThat(EventFileReader.read(writer.file())).hasSize(1);
      writer.flush();
      assertThat(EventFileReader.read(writer.file())).hasSize(2);
    }
  }

  @Test
  void addImage_wrongShape_namesTheShape() {
    try (SummaryWriter writer = new SummaryWriter(tmp)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> writer.addImage("img", Torch.zeros(28, 28, 3), 0));
      assertThat(e).hasMessageThat().startsWith(
          "SummaryWriter.addImage: expected an image [C, H, W] with C 1, 3 or 4");
      assertThat(e).hasMessageThat().contains("[28, 28, 3]");
    }
  }

  @Test
  void addImages_tilesTheBatch() {
    try (SummaryWriter writer = new SummaryWriter(tmp)) {
      writer.addImages("batch", Torch.zeros(10, 1, 4, 3), 0);
      writer.flush();
      EncodedImage image = values(EventFileReader.read(writer.file()), "batch").get(0).image();
      // 10 images, 8 to a row, no padding: 2 rows of 4, 8 columns of 3
      assertThat(new int[] {image.height(), image.width()}).isEqualTo(new int[] {8, 24});
    }
  }

  @Test
  void addHparams_unsupportedValue_isRefused() {
    try (SummaryWriter writer = new SummaryWriter(tmp)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> writer.addHparams(Map.of("layers", List.of(1, 2)), Map.of()));
      assertThat(e).hasMessageThat().startsWith("SummaryWriter.addHparams: the hyperparameter"
          + " 'layers' is a ");
    }
  }
}

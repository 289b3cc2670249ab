package dev.shapetorch.monitor.tensorboard;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes ShapeTorch writes equal those PyTorch's summary functions and TensorBoard's {@code
 * RecordWriter} produce for the same content ({@code golden/tensorboard/protos.json}).
 */
class SummariesBytesTest {

  private static final JsonObject PROTOS = Fixtures.json("protos.json");
  private static final double WALL = PROTOS.get("wall_time").getAsDouble();
  private static final String TEXT = "Adam, lr **2e-3**, \u00fcn\u00efcode";

  private static void assertBytes(String key, byte[] actual) {
    byte[] expected = Fixtures.hex(PROTOS, key);
    int differ = java.util.Arrays.mismatch(expected, actual);
    assertWithMessage("%s: %s bytes expected, %s written, first difference at byte %s", key,
        expected.length, actual.length, differ).that(differ).isEqualTo(-1);
  }

  /**
   * The entries of the session-start event's hyperparameter map, each as its bytes: protobuf
   * writes a map in no fixed order, so the entries are compared as a set.
   */
  private static java.util.Set<String> mapEntries(byte[] event) {
    byte[] content = Event.fromProto(event).values().get(0).pluginContent();
    ProtoReader data = new ProtoReader(content);
    java.util.Set<String> entries = new java.util.TreeSet<>();
    while (data.next()) {
      if (data.field() == 3) {
        ProtoReader start = data.readMessage();
        while (start.next()) {
          assertThat(start.field()).isEqualTo(1);
          entries.add(java.util.HexFormat.of().formatHex(start.readBytes()));
        }
      } else {
        data.skip();
      }
    }
    return entries;
  }

  @Test
  void fileVersionEvent_asPyTorch() {
    assertBytes("file_version", Summaries.fileVersionEvent(WALL));
  }

  @Test
  void scalarEvents_asPyTorch_stepZeroAndValueZeroIncluded() {
    assertBytes("scalar_step7", Summaries.event(WALL, 7, Summaries.scalar("loss/train", 0.125f)));
    assertBytes("scalar_step0", Summaries.event(WALL, 0, Summaries.scalar("loss/train", -2.5f)));
    assertBytes("scalar_zero", Summaries.event(WALL, 3, Summaries.scalar("zero", 0f)));
  }

  @Test
  void textEvent_asPyTorch() {
    assertBytes("text", Summaries.event(WALL, 2, Summaries.text("notes", TEXT)));
  }

  @Test
  void histogramEvent_asPyTorch_binsIncluded() {
    double[] values = Fixtures.doubles(PROTOS.getAsJsonArray("histogram_values"));
    assertBytes("histogram",
        Summaries.event(WALL, 3, Summaries.histogram("weights", Histogram.of(values))));
  }

  @Test
  void hparamsEvents_asPyTorch() {
    Map<String, Object> hparams = new LinkedHashMap<>();
    hparams.put("lr", 0.002);
    hparams.put("optimizer", "adam");
    hparams.put("batch", 128);
    List<byte[]> events =
        HParams.events("test", hparams, Map.of("hparam/accuracy", 0.875), WALL);
    assertBytes("hparams_experiment", events.get(0));
    byte[] start = Fixtures.hex(PROTOS, "hparams_session_start");
    assertThat(events.get(1).length).isEqualTo(start.length);
    assertThat(mapEntries(events.get(1))).hasSize(3);
    assertThat(mapEntries(events.get(1))).isEqualTo(mapEntries(start));
    assertBytes("hparams_session_end", events.get(2));
  }

  @Test
  void framing_asTensorBoardsRecordWriter() {
    byte[] event = Summaries.event(WALL, 7, Summaries.scalar("loss/train", 0.125f));
    assertBytes("framed_scalar_step7", TfRecords.frame(event));
  }

  @Test
  void framing_layout_lengthCrcDataCrc() {
    byte[] data = {1, 2, 3};
    ByteBuffer b = ByteBuffer.wrap(TfRecords.frame(data)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.capacity()).isEqualTo(8 + 4 + 3 + 4);
    assertThat(b.getLong(0)).isEqualTo(3);
    byte[] length = new byte[8];
    b.get(0, length);
    assertThat(b.getInt(8)).isEqualTo(Crc32c.masked(length, 0, 8));
    assertThat(b.get(12)).isEqualTo((byte) 1);
    assertThat(b.getInt(15)).isEqualTo(Crc32c.masked(data, 0, 3));
  }

  @Test
  void readAll_corruptedData_namesTheRecordAndOffset() {
    byte[] one = TfRecords.frame(new byte[] {1, 2, 3});
    byte[] two = TfRecords.frame(new byte[] {4, 5});
    byte[] file = new byte[one.length + two.length];
    System.arraycopy(one, 0, file, 0, one.length);
    System.arraycopy(two, 0, file, one.length, two.length);
    file[one.length + 12] ^= 1;
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> TfRecords.readAll(new ByteArrayInputStream(file), "f"));
    assertThat(e).hasMessageThat()
        .isEqualTo("f: record 1 at byte 19: the data's CRC does not match; the file is damaged");
  }

  @Test
  void readAll_truncatedRecord_saysSo() {
    byte[] one = TfRecords.frame(new byte[] {1, 2, 3});
    byte[] cut = java.util.Arrays.copyOf(one, one.length - 2);
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> TfRecords.readAll(new ByteArrayInputStream(cut), "f"));
    assertThat(e).hasMessageThat().contains("record 0 at byte 0 is truncated");
  }
}

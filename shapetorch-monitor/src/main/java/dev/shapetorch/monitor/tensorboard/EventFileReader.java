package dev.shapetorch.monitor.tensorboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads TensorBoard event files, those {@link SummaryWriter} writes and those of PyTorch,
 * TensorFlow or tensorboardX: every record's CRCs are checked, and each {@code Event} is decoded
 * into an {@link Event}. Fields this reader does not know (graphs, run metadata, audio) are
 * skipped.
 *
 * <pre>{@code
 * for (Event e : EventFileReader.read(file)) {
 *   for (SummaryValue v : e.values()) {
 *     if (v.simpleValue() != null) System.out.println(e.step() + " " + v.tag() + " " + v.simpleValue());
 *   }
 * }
 * }</pre>
 */
public final class EventFileReader {

  private EventFileReader() {}

  /**
   * The events of one file, in order.
   *
   * @throws UncheckedIOException if the file cannot be read, a record is truncated or a CRC does
   *     not match (the message names the record and its offset)
   */
  public static List<Event> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<Event> events = new ArrayList<>();
      for (byte[] record : TfRecords.readAll(in, "EventFileReader.read(" + file + ")")) {
        events.add(Event.fromProto(record));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * The event files of a log directory ({@code events.out.tfevents.*}, not those of its
   * subdirectories), sorted by name, which sorts them by creation time.
   *
   * @throws UncheckedIOException if the directory cannot be listed
   */
  public static List<Path> eventFiles(Path logDir) {
    try (Stream<Path> files = Files.list(logDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("EventFileReader.eventFiles: cannot list " + logDir + ": "
          + e.getMessage(), e);
    }
  }
}

package dev.shapetorch.monitor.tensorboard;

import java.util.List;

/**
 * One record of an event file ({@code Event}) as {@link EventFileReader} reads it: when it was
 * written, its step, and either the file's version (the first event: {@code brain.Event:2}) or
 * a summary's values.
 *
 * @param wallTime seconds since the Unix epoch
 * @param step the global step the values belong to
 * @param fileVersion {@code brain.Event:2} in a file's first event, else empty
 * @param values the summary's values (empty for the version event)
 */
public record Event(double wallTime, long step, String fileVersion, List<SummaryValue> values) {

  /** Copies the values. */
  public Event {
    values = List.copyOf(values);
  }

  static Event fromProto(byte[] data) {
    ProtoReader r = new ProtoReader(data);
    double wallTime = 0;
    long step = 0;
    String version = "";
    List<SummaryValue> values = new java.util.ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> wallTime = r.readDouble();
        case 2 -> step = r.varint();
        case 3 -> version = r.readString();
        case 5 -> {
          ProtoReader summary = r.readMessage();
          while (summary.next()) {
            if (summary.field() == 1) {
              values.add(SummaryValue.fromProto(summary.readMessage()));
            } else {
              summary.skip();
            }
          }
        }
        default -> r.skip();
      }
    }
    return new Event(wallTime, step, version, values);
  }
}

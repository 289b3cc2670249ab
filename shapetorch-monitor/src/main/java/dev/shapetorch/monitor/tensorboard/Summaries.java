package dev.shapetorch.monitor.tensorboard;

import java.nio.charset.StandardCharsets;

/**
 * The protocol buffers of an event file, encoded as TensorFlow's {@code event.proto} and {@code
 * summary.proto} define them: {@code Event} (wall_time 1, step 2, file_version 3, summary 5),
 * {@code Summary} (value 1), {@code Summary.Value} (tag 1, simple_value 2, image 4, histo 5,
 * tensor 8, metadata 9), and the messages below them. Each builder returns the bytes PyTorch's
 * writer produces for the same content (the tests compare them).
 */
final class Summaries {

  /** The version every event file announces in its first event. */
  static final String FILE_VERSION = "brain.Event:2";

  /** {@code DT_STRING} of TensorFlow's {@code DataType}. */
  private static final int DT_STRING = 7;

  private Summaries() {}

  /** The first event of a file: its wall time and {@link #FILE_VERSION}. */
  static byte[] fileVersionEvent(double wallTime) {
    return new ProtoWriter().doubleField(1, wallTime).bytes(3,
        FILE_VERSION.getBytes(StandardCharsets.UTF_8)).toByteArray();
  }

  /** An event holding a summary of the given values. */
  static byte[] event(double wallTime, long step, ProtoWriter... values) {
    ProtoWriter summary = new ProtoWriter();
    for (ProtoWriter v : values) {
      summary.message(1, v);
    }
    return new ProtoWriter().doubleField(1, wallTime).optionalVarint(2, step)
        .message(5, summary).toByteArray();
  }

  /** A scalar: {@code Summary.Value(tag, simple_value)}. */
  static ProtoWriter scalar(String tag, float value) {
    return new ProtoWriter().optionalString(1, tag).floatField(2, value);
  }

  /** A histogram: {@code Summary.Value(tag, histo)}. */
  static ProtoWriter histogram(String tag, Histogram histogram) {
    return new ProtoWriter().optionalString(1, tag).message(5, histogram.toProto());
  }

  /** An image: {@code Summary.Value(tag, image)}. */
  static ProtoWriter image(String tag, EncodedImage image) {
    return new ProtoWriter().optionalString(1, tag).message(4, image.toProto());
  }

  /**
   * Text, as the text plugin reads it: the tag {@code tag + "/text_summary"}, a string tensor of
   * shape [1] holding the UTF-8 text, and the metadata naming the plugin {@code text}.
   */
  static ProtoWriter text(String tag, String text) {
    ProtoWriter shape = new ProtoWriter().message(2, new ProtoWriter().optionalVarint(1, 1));
    ProtoWriter tensor = new ProtoWriter().varint(1, DT_STRING).message(2, shape)
        .bytes(8, text.getBytes(StandardCharsets.UTF_8));
    return new ProtoWriter().optionalString(1, tag + "/text_summary").message(8, tensor)
        .message(9, metadata("text", new byte[0]));
  }

  /** {@code SummaryMetadata(plugin_data=PluginData(plugin_name, content))}. */
  static ProtoWriter metadata(String plugin, byte[] content) {
    ProtoWriter pluginData = new ProtoWriter().optionalString(1, plugin);
    if (content.length > 0) {
      pluginData.bytes(2, content);
    }
    return new ProtoWriter().message(1, pluginData);
  }

  /** A value that carries only plugin metadata (and an empty tensor), as the hparams plugin's. */
  static ProtoWriter pluginValue(String tag, String plugin, byte[] content) {
    return new ProtoWriter().optionalString(1, tag).message(9, metadata(plugin, content));
  }
}

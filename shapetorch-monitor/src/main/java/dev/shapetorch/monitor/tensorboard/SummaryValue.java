package dev.shapetorch.monitor.tensorboard;

import java.util.List;

/**
 * One value of a summary ({@code Summary.Value}) as {@link EventFileReader} reads it: its tag,
 * the plugin that owns it (from its metadata; empty for the classic kinds), and the one kind of
 * value it holds, the others being null: a scalar ({@code simple_value}), a histogram, an image,
 * or the strings of a string tensor (text; the hparams plugin's values carry their data in the
 * metadata's {@link #pluginContent()} instead).
 *
 * @param tag the name TensorBoard groups by, e.g. {@code loss/train}
 * @param pluginName the metadata's plugin name ({@code text}, {@code hparams}, ...), or empty
 * @param pluginContent the metadata's plugin content (a serialised protobuf), or empty
 * @param simpleValue the scalar, or null
 * @param histogram the histogram, or null
 * @param image the image, or null
 * @param strings the string tensor's values, UTF-8 decoded, or null
 */
public record SummaryValue(
    String tag, String pluginName, byte[] pluginContent, Float simpleValue, Histogram histogram,
    EncodedImage image, List<String> strings) {

  /** Copies the content and the strings. */
  public SummaryValue {
    pluginContent = pluginContent.clone();
    strings = strings == null ? null : List.copyOf(strings);
  }

  @Override
  public byte[] pluginContent() {
    return pluginContent.clone();
  }

  static SummaryValue fromProto(ProtoReader r) {
    String tag = "";
    String plugin = "";
    byte[] content = new byte[0];
    Float simple = null;
    Histogram histogram = null;
    EncodedImage image = null;
    List<String> strings = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> tag = r.readString();
        case 2 -> simple = r.readFloat();
        case 4 -> image = EncodedImage.fromProto(r.readMessage());
        case 5 -> histogram = Histogram.fromProto(r.readMessage());
        case 8 -> strings = tensorStrings(r.readMessage());
        case 9 -> {
          ProtoReader metadata = r.readMessage();
          while (metadata.next()) {
            if (metadata.field() == 1) {
              ProtoReader pluginData = metadata.readMessage();
              while (pluginData.next()) {
                switch (pluginData.field()) {
                  case 1 -> plugin = pluginData.readString();
                  case 2 -> content = pluginData.readBytes();
                  default -> pluginData.skip();
                }
              }
            } else {
              metadata.skip();
            }
          }
        }
        default -> r.skip();
      }
    }
    return new SummaryValue(tag, plugin, content, simple, histogram, image, strings);
  }

  private static List<String> tensorStrings(ProtoReader tensor) {
    List<String> out = new java.util.ArrayList<>();
    while (tensor.next()) {
      if (tensor.field() == 8) {
        out.add(tensor.readString());
      } else {
        tensor.skip();
      }
    }
    return out;
  }
}

package dev.shapetorch.monitor.tensorboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three summaries of TensorBoard's HParams plugin that PyTorch's {@code add_hparams} writes
 * (tensorboard/plugins/hparams/plugin_data.proto, api.proto): the experiment (each
 * hyperparameter's name and type, each metric's tag) under {@code _hparams_/experiment}, the
 * session's start (the hyperparameters' values) under {@code _hparams_/session_start_info} and
 * its end (status success) under {@code _hparams_/session_end_info}. Each is a {@code
 * Summary.Value} whose metadata names the plugin {@code hparams} and carries a serialised
 * {@code HParamsPluginData}.
 */
final class HParams {

  static final String PLUGIN = "hparams";
  static final String EXPERIMENT_TAG = "_hparams_/experiment";
  static final String SESSION_START_TAG = "_hparams_/session_start_info";
  static final String SESSION_END_TAG = "_hparams_/session_end_info";

  private static final int DATA_TYPE_STRING = 1;
  private static final int DATA_TYPE_BOOL = 2;
  private static final int DATA_TYPE_FLOAT64 = 3;
  private static final int STATUS_SUCCESS = 1;

  private HParams() {}

  /**
   * The experiment, session-start and session-end events, in that order, at step 0.
   *
   * @throws IllegalArgumentException for a value that is not a number, a string or a boolean
   */
  static List<byte[]> events(String op, Map<String, ?> hparams, Map<String, Double> metrics,
      double wallTime) {
    ProtoWriter experiment = new ProtoWriter();
    ProtoWriter start = new ProtoWriter();
    for (Map.Entry<String, ?> e : hparams.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue; // PyTorch skips None
      }
      ProtoWriter value = new ProtoWriter();
      int type;
      if (v instanceof Boolean b) {
        value.varint(4, b ? 1 : 0);
        type = DATA_TYPE_BOOL;
      } else if (v instanceof Number n) {
        value.doubleField(2, n.doubleValue());
        type = DATA_TYPE_FLOAT64;
      } else if (v instanceof CharSequence s) {
        value.bytes(3, s.toString().getBytes(StandardCharsets.UTF_8));
        type = DATA_TYPE_STRING;
      } else {
        throw new IllegalArgumentException(op + ": the hyperparameter '" + e.getKey() + "' is a "
            + v.getClass().getName() + "; give a number, a string or a boolean");
      }
      start.message(1, new ProtoWriter().optionalString(1, e.getKey()).message(2, value));
      experiment.message(4, new ProtoWriter().optionalString(1, e.getKey()).varint(4, type));
    }
    for (String metric : metrics.keySet()) {
      experiment.message(5, new ProtoWriter().message(1, new ProtoWriter().optionalString(2, metric)));
    }
    ProtoWriter end = new ProtoWriter().varint(1, STATUS_SUCCESS);
    List<byte[]> events = new ArrayList<>();
    events.add(Summaries.event(wallTime, 0, Summaries.pluginValue(EXPERIMENT_TAG, PLUGIN,
        new ProtoWriter().message(2, experiment).toByteArray())));
    events.add(Summaries.event(wallTime, 0, Summaries.pluginValue(SESSION_START_TAG, PLUGIN,
        new ProtoWriter().message(3, start).toByteArray())));
    events.add(Summaries.event(wallTime, 0, Summaries.pluginValue(SESSION_END_TAG, PLUGIN,
        new ProtoWriter().message(4, end).toByteArray())));
    return events;
  }
}

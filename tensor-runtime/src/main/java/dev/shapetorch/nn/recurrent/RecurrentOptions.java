package dev.shapetorch.nn.recurrent;

import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;

/**
 * The keyword arguments of PyTorch's {@code nn.RNN}, {@code nn.GRU} and {@code nn.LSTM} after
 * the two sizes, with PyTorch's defaults ({@link #defaults()}: one layer, biases, sequence-first,
 * no dropout, one direction), changed by {@code withX} copies:
 *
 * <pre>{@code
 * // nn.LSTM(10, 20, num_layers=2, batch_first=True)
 * var lstm = new LSTM(10, 20, RecurrentOptions.defaults().withNumLayers(2).withBatchFirst(true));
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions}, the flags
 * 1 or 0: the three options that are part of a recurrent layer's type. {@link #defaults()} is
 * {@code [1, 0, 0]}; {@link #withNumLayers}, {@link #withBidirectional} and {@link
 * #withBatchFirst} put their (constant) argument in the type, so the Shape Checker reads {@code
 * new LSTM(10, 20, RecurrentOptions.defaults().withBatchFirst(true))} as {@code LSTM [10, 20, 1,
 * 0, 1]}; a flag it cannot read (a non-constant boolean) leaves that dim unknown, as an unknown
 * int does. {@link #withBias} and {@link #withDropout} keep the type.
 *
 * <p>Shape: none of its own; see {@link RecurrentSpec} for the layer's shapes.
 *
 * @param numLayers how many layers are stacked ({@code num_layers}, default 1)
 * @param bias whether the layers have biases ({@code bias}, default true)
 * @param batchFirst whether inputs and outputs are {@code [N, L, *]} ({@code batch_first},
 *     default false)
 * @param dropout dropout on the outputs of every layer but the last, in training mode ({@code
 *     dropout}, default 0)
 * @param bidirectional whether each layer also runs backward ({@code bidirectional}, default
 *     false)
 */
public record RecurrentOptions(
    long numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code numLayers} is not positive or {@code dropout} is
   *     not in {@code [0, 1]}
   */
  public RecurrentOptions {
    Checks.positive("RecurrentOptions", "numLayers", numLayers);
    Checks.probability("RecurrentOptions", dropout);
  }

  /** PyTorch's defaults: {@code num_layers=1, bias=True, batch_first=False, dropout=0.0,
   * bidirectional=False}. */
  public static @Shape({"1", "0", "0"}) RecurrentOptions defaults() {
    return new RecurrentOptions(1, true, false, 0.0, false);
  }

  /** A copy with {@code numLayers} stacked layers; a constant goes into the type. */
  public @Shape({"numLayers", "Bidirectional", "BatchFirst"}) RecurrentOptions withNumLayers(
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions this,
      @Dim long numLayers) {
    return new RecurrentOptions(numLayers, bias, batchFirst, dropout, bidirectional);
  }

  /** A copy with or without biases (not part of the type). */
  public @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions withBias(
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions this, boolean bias) {
    return new RecurrentOptions(numLayers, bias, batchFirst, dropout, bidirectional);
  }

  /** A copy with the batch-first layout or not; a constant goes into the type as 1 or 0. */
  public @Shape({"Layers", "Bidirectional", "batchFirst"}) RecurrentOptions withBatchFirst(
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions this,
      @Dim boolean batchFirst) {
    return new RecurrentOptions(numLayers, bias, batchFirst, dropout, bidirectional);
  }

  /** A copy with this dropout between layers (not part of the type). */
  public @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions withDropout(
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions this, double dropout) {
    return new RecurrentOptions(numLayers, bias, batchFirst, dropout, bidirectional);
  }

  /** A copy that runs both ways or one; a constant goes into the type as 1 or 0. */
  public @Shape({"Layers", "bidirectional", "BatchFirst"}) RecurrentOptions withBidirectional(
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions this,
      @Dim boolean bidirectional) {
    return new RecurrentOptions(numLayers, bias, batchFirst, dropout, bidirectional);
  }
}

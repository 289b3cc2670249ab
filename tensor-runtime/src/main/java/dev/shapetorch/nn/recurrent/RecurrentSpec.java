package dev.shapetorch.nn.recurrent;

import dev.shapetorch.nn.internal.Checks;

/**
 * The hyperparameters of an {@link RNN}, {@link GRU} or {@link LSTM}, named as PyTorch's
 * {@code RNNBase} arguments ({@code input_size}, {@code hidden_size}, {@code num_layers}, {@code
 * bidirectional}, {@code batch_first}, {@code bias}, {@code dropout}); a layer's {@code spec()}
 * returns it.
 *
 * <p>Shape: the first five are the layer's type, {@code @Shape({"In", "Hidden", "Layers",
 * "Bidirectional", "BatchFirst"})}, the flags written 1 or 0 ({@link #typeDims}); inputs are
 * {@code [L, N, In]} ({@code [N, L, In]} when batch-first), outputs {@code [L, N, D*Hidden]}
 * and states {@code [D*Layers, N, Hidden]}, {@code D} being {@link #directions}.
 *
 * @param inputSize the input's feature size {@code In}
 * @param hiddenSize the state's feature size {@code Hidden}
 * @param numLayers how many layers are stacked
 * @param bidirectional whether each layer also runs backward
 * @param batchFirst whether inputs and outputs are {@code [N, L, *]} rather than {@code [L, N,
 *     *]}
 * @param bias whether the layers have biases
 * @param dropout dropout on the outputs of every layer but the last, in training mode
 */
public record RecurrentSpec(long inputSize, long hiddenSize, long numLayers,
    boolean bidirectional, boolean batchFirst, boolean bias, double dropout) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a size is not positive or {@code dropout} is not in
   *     {@code [0, 1]}
   */
  public RecurrentSpec {
    checkSizes("RecurrentSpec", inputSize, hiddenSize, numLayers);
    Checks.probability("RecurrentSpec", dropout);
  }

  /**
   * A layer's spec from its constructor's arguments, in PyTorch's order, checked under the
   * layer's name.
   */
  static RecurrentSpec of(String layer, long inputSize, long hiddenSize, long numLayers,
      boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
    checkSizes(layer, inputSize, hiddenSize, numLayers);
    Checks.probability(layer, dropout);
    return new RecurrentSpec(inputSize, hiddenSize, numLayers, bidirectional, batchFirst, bias,
        dropout);
  }

  private static void checkSizes(String layer, long inputSize, long hiddenSize, long numLayers) {
    Checks.positive(layer, "inputSize", inputSize);
    Checks.positive(layer, "hiddenSize", hiddenSize);
    Checks.positive(layer, "numLayers", numLayers);
  }

  /** {@code D}: 2 when bidirectional, else 1. */
  public long directions() {
    return bidirectional ? 2 : 1;
  }

  /**
   * The layer's type as numbers, in its order: {@code {In, Hidden, Layers, Bidirectional,
   * BatchFirst}}, the flags 1 or 0 (what the layer's {@code hyperparameters()} returns).
   */
  public long[] typeDims() {
    return new long[] {
      inputSize, hiddenSize, numLayers, bidirectional ? 1 : 0, batchFirst ? 1 : 0
    };
  }
}

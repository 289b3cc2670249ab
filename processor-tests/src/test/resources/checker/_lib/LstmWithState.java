package lib;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * Stand-in for nn.LSTM with a typed final hidden state, which nn.LSTM does not declare yet
 * ({@code forwardWithState} returns an untyped record). Type: {@code [In, Hidden, Layers,
 * Bidirectional, BatchFirst]}, as nn.LSTM's.
 */
public final class LstmWithState {
  public @Shape({"in", "hidden", "1", "0", "0"}) LstmWithState(@Dim long in, @Dim long hidden) {}

  public static @Shape({"in", "hidden", "1", "0", "1"}) LstmWithState batchFirst(
      @Dim long in, @Dim long hidden) {
    throw new UnsupportedOperationException("declaration only");
  }

  @ShapeRule(value = Rule.RECURRENT, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    throw new UnsupportedOperationException("declaration only");
  }

  /** The final hidden state, [Layers, N, Hidden], started from zeros (no h0). */
  @ShapeRule(value = Rule.RECURRENT_HIDDEN, args = {"this", "input", "null"})
  public Tensor finalHidden(Tensor input) {
    throw new UnsupportedOperationException("declaration only");
  }
}
